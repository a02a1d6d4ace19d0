using System;
using System.Globalization;

namespace MeshAttributes.Testing.Routing;

/// <summary>
/// Checks that a pattern is RE2 syntax whose meaning .NET's engine shares, so a test may run it with .NET: no
/// lookaround, backreference, atomic group, possessive quantifier, conditional or .NET-only escape (RE2 rejects
/// them all), no <c>\d \w \s \b</c> (Unicode in .NET, ASCII in RE2), no <c>(?x)</c> or other flag RE2 lacks, and
/// no repetition count above 1000 (RE2's limit).
/// </summary>
public static class Re2Syntax
{
    /// <summary>Null when the pattern is fine, otherwise what is wrong and where.</summary>
    public static string? Problem(string pattern)
    {
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length)
                {
                    return "a trailing backslash";
                }

                char e = pattern[++i];
                if (char.IsAsciiLetterOrDigit(e) && "afnrtvpPxz".IndexOf(e) < 0 && !(e == 'A' && !inClass))
                {
                    return $"the escape \\{e} at {i - 1}, which RE2 does not have or reads differently from .NET";
                }

                continue;
            }

            if (inClass)
            {
                if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
                {
                    return $"a POSIX class at {i}";
                }

                inClass = c != ']';
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    // A ']' or '^]' right after '[' is a literal.
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^') i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == ']') i++;
                    break;
                case '(' when i + 1 < pattern.Length && pattern[i + 1] == '?':
                    if (GroupProblem(pattern, i) is { } group)
                    {
                        return group;
                    }

                    break;
                case '*' or '+' or '?' or '}' when i + 1 < pattern.Length && pattern[i + 1] == '+':
                    return $"a possessive quantifier at {i}";
                case '{':
                    int close = pattern.IndexOf('}', i);
                    if (close > i)
                    {
                        foreach (string bound in pattern.Substring(i + 1, close - i - 1).Split(','))
                        {
                            if (int.TryParse(bound, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 1000)
                            {
                                return $"a repetition count above 1000 at {i}";
                            }
                        }
                    }

                    break;
            }
        }

        return inClass ? "an unclosed character class" : null;
    }

    // After "(?": RE2 knows ":" (non-capturing), "P<name>" and "<name>" (named) and the flags i, m, s, U.
    private static string? GroupProblem(string pattern, int open)
    {
        int i = open + 2;
        if (i >= pattern.Length)
        {
            return "an unfinished group";
        }

        char c = pattern[i];
        if (c is '=' or '!')
        {
            return $"a lookahead at {open}";
        }

        if (c == '<' && i + 1 < pattern.Length && pattern[i + 1] is '=' or '!')
        {
            return $"a lookbehind at {open}";
        }

        if (c is '>' or '(' or '#' or '\'')
        {
            return $"an atomic group, conditional, comment or quoted name at {open}, which RE2 does not have";
        }

        if (c == 'P' || c == '<')
        {
            return null;
        }

        for (; i < pattern.Length && pattern[i] is not ':' and not ')'; i++)
        {
            if ("imsU-".IndexOf(pattern[i]) < 0)
            {
                return $"the flag '{pattern[i]}' at {i}, which RE2 does not have";
            }
        }

        return i < pattern.Length ? null : "an unfinished group";
    }

    /// <summary>Throws when <see cref="Problem"/> finds one.</summary>
    public static void Require(string pattern)
    {
        if (Problem(pattern) is { } problem)
        {
            throw new ArgumentException($"Not RE2: {problem} in {pattern}", nameof(pattern));
        }
    }
}
