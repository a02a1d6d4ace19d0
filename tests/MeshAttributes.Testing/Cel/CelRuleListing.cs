using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace MeshAttributes.Testing.Cel;

/// <summary>
/// Reads <c>schemas/istio/cel-rules.1.30.3.v1.txt</c>: <c>== &lt;crd name&gt;</c> headers, then lines
/// <c>  &lt;path&gt;: &lt;rule&gt; -- &lt;message&gt;</c> where rule and message are Python string literals.
/// </summary>
internal static class CelRuleListing
{
    public static IReadOnlyList<CelRule> Load(string file) => Parse(File.ReadAllText(file), file);

    public static IReadOnlyList<CelRule> Parse(string text, string source)
    {
        var rules = new List<CelRule>();
        string? crd = null;
        var lineNumber = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("== ", StringComparison.Ordinal))
            {
                crd = line.Substring(3).Trim();
                continue;
            }

            if (crd is null || !line.StartsWith("  ", StringComparison.Ordinal))
            {
                throw Error(source, lineNumber, "expected '== <crd name>' or an indented rule line");
            }

            rules.Add(ParseRule(crd, line.Trim(), source, lineNumber));
        }

        return rules;
    }

    private static CelRule ParseRule(string crd, string line, string source, int lineNumber)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0 || line[0] != '.')
        {
            throw Error(source, lineNumber, "expected '.path: <rule> -- <message>'");
        }

        var path = line.Substring(0, colon);
        var position = colon + 2;
        var expression = ReadPythonString(line, ref position, source, lineNumber);
        const string separator = " -- ";
        if (string.CompareOrdinal(line, position, separator, 0, separator.Length) != 0)
        {
            throw Error(source, lineNumber, "expected ' -- ' between rule and message");
        }

        position += separator.Length;
        var message = ReadPythonString(line, ref position, source, lineNumber);
        if (position != line.Length)
        {
            throw Error(source, lineNumber, "unexpected text after the message");
        }

        return new CelRule(crd, path, expression, message);
    }

    // The listing writes literals with Python's repr(): '...' or "...", backslash escapes inside.
    private static string ReadPythonString(string line, ref int position, string source, int lineNumber)
    {
        if (position >= line.Length || (line[position] != '\'' && line[position] != '"'))
        {
            throw Error(source, lineNumber, "expected a quoted string");
        }

        var quote = line[position++];
        var builder = new StringBuilder();
        while (position < line.Length)
        {
            var c = line[position++];
            if (c == quote)
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (position >= line.Length)
            {
                break;
            }

            var escaped = line[position++];
            switch (escaped)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case '\\': builder.Append('\\'); break;
                case '\'': builder.Append('\''); break;
                case '"': builder.Append('"'); break;
                case 'x': builder.Append(Hex(line, ref position, 2, source, lineNumber)); break;
                case 'u': builder.Append(Hex(line, ref position, 4, source, lineNumber)); break;
                default: throw Error(source, lineNumber, $"unknown escape '\\{escaped}'");
            }
        }

        throw Error(source, lineNumber, "unterminated string");
    }

    private static char Hex(string line, ref int position, int digits, string source, int lineNumber)
    {
        if (position + digits > line.Length
            || !int.TryParse(line.AsSpan(position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw Error(source, lineNumber, "bad hexadecimal escape");
        }

        position += digits;
        return (char)code;
    }

    private static FormatException Error(string source, int line, string what) =>
        new($"{source}:{line}: {what}.");
}
