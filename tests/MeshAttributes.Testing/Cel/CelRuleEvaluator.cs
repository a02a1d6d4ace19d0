using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Cel;
using Duration = Google.Protobuf.WellKnownTypes.Duration;

namespace MeshAttributes.Testing.Cel;

/// <summary>
/// Evaluates CRD rules with the Cel package, made to behave as Kubernetes' CEL does where the rules need it:
/// <c>duration()</c> parses like Go, <c>has()</c> tests presence (the package reads an empty string, list or map
/// as absent) and <c>substring()</c> (Kubernetes' strings library) exists. Rules that call anything else are
/// refused with <see cref="NotSupportedException"/> rather than guessed at.
/// </summary>
internal sealed class CelRuleEvaluator
{
    /// <summary>Functions and macros checked to evaluate as in Kubernetes.</summary>
    public static readonly IReadOnlyCollection<string> SupportedFunctions = new SortedSet<string>(StringComparer.Ordinal)
    {
        "all", "contains", "duration", "endsWith", "exists", "exists_one", "has", "int", "matches", "size",
        "startsWith", "substring",
    };

    private readonly object gate = new();
    private readonly CelEnvironment environment;
    private readonly Dictionary<string, CelProgramDelegate> programs = new(StringComparer.Ordinal);

    public CelRuleEvaluator()
    {
        environment = new CelEnvironment(null, null);
        environment.RegisterFunction("duration", [typeof(string)], args => ParseDuration((string)args[0]!));
        environment.RegisterFunction("has", [typeof(object)], args => IsPresent(args[0]));
        environment.RegisterFunction("substring", [typeof(string), typeof(long)], Substring);
        environment.RegisterFunction("substring", [typeof(string), typeof(long), typeof(long)], Substring);
    }

    /// <summary>Names called in <paramref name="expression"/> that <see cref="SupportedFunctions"/> lacks.</summary>
    public static IReadOnlyList<string> UnsupportedFunctionsOf(string expression) =>
        CalledNames(expression).Where(name => !SupportedFunctions.Contains(name)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>Evaluates <paramref name="rule"/> with <c>self</c> bound to <paramref name="self"/>.</summary>
    /// <returns>Null when the rule holds, otherwise why not (false, or an evaluation error as the API server reports it).</returns>
    public string? Check(CelRule rule, JsonNode self)
    {
        var unsupported = rule.UnsupportedFunctions;
        if (unsupported.Count > 0)
        {
            throw new NotSupportedException(
                $"CEL rule of {rule.Crd} at {rule.Path} calls {string.Join(", ", unsupported)}, which this validator "
                + $"cannot evaluate faithfully (the Cel package lacks it and MeshAttributes.Testing does not implement it): {rule.Expression}");
        }

        object? result;
        lock (gate)
        {
            if (!programs.TryGetValue(rule.Expression, out var program))
            {
                program = environment.Compile(rule.Expression);
                programs.Add(rule.Expression, program);
            }

            try
            {
                result = program(new Dictionary<string, object?> { ["self"] = CelValues.From(self) });
            }
            catch (Exception e)
            {
                return $"{Innermost(e).Message} evaluating rule: {rule.Message}";
            }
        }

        return result switch
        {
            true => null,
            false => rule.Message,
            _ => $"rule did not evaluate to a bool (got {result?.GetType().Name ?? "null"}) evaluating rule: {rule.Message}",
        };
    }

    private static Duration ParseDuration(string text)
    {
        if (!GoDuration.TryParse(text, out var nanoseconds, out var error))
        {
            throw new FormatException(error);
        }

        return new Duration { Seconds = nanoseconds / 1_000_000_000, Nanos = (int)(nanoseconds % 1_000_000_000) };
    }

    // Kubernetes: has(self.f) is true when the field is set, whatever its value.
    private static bool IsPresent(object? value) =>
        value is not null && value.GetType().FullName != "Cel.Internal.CelNoSuchField";

    // Kubernetes strings library: indexes count code points; errors as in cel-go's ext/strings.go.
    private static object? Substring(object?[] args)
    {
        var runes = ((string)args[0]!).EnumerateRunes().ToArray();
        var start = Convert.ToInt64(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var end = args.Length > 2 ? Convert.ToInt64(args[2], System.Globalization.CultureInfo.InvariantCulture) : runes.Length;
        if (start > end)
        {
            throw new InvalidOperationException($"invalid substring range. start: {start}, end: {end}");
        }

        if (start < 0 || start > runes.Length)
        {
            throw new InvalidOperationException($"index out of range: {start}");
        }

        if (end > runes.Length)
        {
            throw new InvalidOperationException($"index out of range: {end}");
        }

        var builder = new StringBuilder();
        for (var i = (int)start; i < end; i++)
        {
            builder.Append(runes[i].ToString());
        }

        return builder.ToString();
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    // Identifiers followed by '(' outside string literals: global functions, macros and methods alike.
    private static IEnumerable<string> CalledNames(string expression)
    {
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c == '\'' || c == '"')
            {
                i = SkipString(expression, i);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '_'))
                {
                    i++;
                }

                var name = expression.Substring(start, i - start);
                var next = i;
                while (next < expression.Length && char.IsWhiteSpace(expression[next]))
                {
                    next++;
                }

                if (next < expression.Length && expression[next] == '(')
                {
                    yield return name;
                }
            }
            else
            {
                i++;
            }
        }
    }

    private static int SkipString(string expression, int i)
    {
        var quote = expression[i];
        var triple = string.CompareOrdinal(expression, i, new string(quote, 3), 0, 3) == 0;
        i += triple ? 3 : 1;
        while (i < expression.Length)
        {
            if (expression[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (expression[i] == quote && (!triple || string.CompareOrdinal(expression, i, new string(quote, 3), 0, 3) == 0))
            {
                return i + (triple ? 3 : 1);
            }

            i++;
        }

        return i;
    }
}
