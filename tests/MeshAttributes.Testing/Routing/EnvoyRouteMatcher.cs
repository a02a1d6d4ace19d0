using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.Testing.Routing;

/// <summary>
/// Picks the <c>http</c> route of a VirtualService that Envoy would pick for a request, as Istio translates the
/// route: the first route, in order, with a match whose every condition holds (a route without <c>match</c> takes
/// every request). A match's <c>method</c> compares the method as it is (<c>exact</c>); its <c>uri</c> sees the path
/// without the query string, after Istio's default path normalization (percent-encoded unreserved characters
/// decoded): <c>exact</c> and <c>prefix</c> compare it, ignoring ASCII case when <c>ignoreUriCase</c> is set, and
/// <c>regex</c> must match all of it, case-sensitively unless the pattern says <c>(?i)</c> (Envoy ignores
/// <c>ignoreUriCase</c> for a regex). Every regex is checked to be RE2 (<see cref="Re2Syntax"/>) before it is run
/// with .NET, anchored at both ends.
/// </summary>
public sealed class EnvoyRouteMatcher
{
    private readonly IReadOnlyList<(string Name, IReadOnlyList<Func<string, string, bool>>? Matches)> _routes;

    private EnvoyRouteMatcher(IReadOnlyList<(string, IReadOnlyList<Func<string, string, bool>>?)> routes) => _routes = routes;

    /// <summary>The regexes of every <c>uri</c> match, in route order.</summary>
    public IReadOnlyList<string> Regexes { get; private init; } = Array.Empty<string>();

    /// <summary>Reads a VirtualService manifest; throws when a regex is not RE2.</summary>
    public static EnvoyRouteMatcher FromYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var spec = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)[new YamlScalarNode("spec")];
        var routes = new List<(string, IReadOnlyList<Func<string, string, bool>>?)>();
        var regexes = new List<string>();
        foreach (YamlMappingNode route in ((YamlSequenceNode)spec[new YamlScalarNode("http")]).Children.Cast<YamlMappingNode>())
        {
            string name = Scalar(route, "name") ?? "(unnamed)";
            if (!route.Children.TryGetValue(new YamlScalarNode("match"), out YamlNode? matchNode))
            {
                routes.Add((name, null));
                continue;
            }

            var matches = new List<Func<string, string, bool>>();
            foreach (YamlMappingNode match in ((YamlSequenceNode)matchNode).Children.Cast<YamlMappingNode>())
            {
                string? method = match.Children.TryGetValue(new YamlScalarNode("method"), out YamlNode? m) ? Scalar((YamlMappingNode)m, "exact") : null;
                bool ignoreCase = Scalar(match, "ignoreUriCase") == "true";
                Func<string, bool> uri = _ => true;
                if (match.Children.TryGetValue(new YamlScalarNode("uri"), out YamlNode? u))
                {
                    var uriMatch = (YamlMappingNode)u;
                    StringComparison comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                    if (Scalar(uriMatch, "exact") is { } exact)
                    {
                        uri = path => string.Equals(path, exact, comparison);
                    }
                    else if (Scalar(uriMatch, "prefix") is { } prefix)
                    {
                        uri = path => path.StartsWith(prefix, comparison);
                    }
                    else if (Scalar(uriMatch, "regex") is { } pattern)
                    {
                        Re2Syntax.Require(pattern);
                        regexes.Add(pattern);
                        var regex = new Regex("^(?:" + pattern + @")\z", RegexOptions.CultureInvariant);
                        uri = path => regex.IsMatch(path);
                    }
                    else
                    {
                        throw new NotSupportedException($"route {name}: a uri match this matcher does not know");
                    }
                }

                matches.Add((requestMethod, path) => (method is null || method == requestMethod) && uri(path));
            }

            routes.Add((name, matches));
        }

        return new EnvoyRouteMatcher(routes) { Regexes = regexes };
    }

    /// <summary>The name of the route Envoy picks for the request, or null when none matches.</summary>
    /// <param name="method">The request's method, e.g. <c>POST</c>.</param>
    /// <param name="target">The request target as sent: path, percent-encoding and query string included.</param>
    public string? Route(string method, string target)
    {
        string path = NormalizedPath(target);
        foreach (var (name, matches) in _routes)
        {
            if (matches is null || matches.Any(m => m(method, path)))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// The path a route's <c>uri</c> sees: the query string and fragment removed, and percent-encoded unreserved
    /// characters (<c>A-Z a-z 0-9 - . _ ~</c>) decoded, as Istio's default <c>pathNormalization</c> (BASE) does.
    /// </summary>
    public static string NormalizedPath(string target)
    {
        int end = target.IndexOfAny(['?', '#']);
        string path = end < 0 ? target : target.Substring(0, end);
        var normalized = new StringBuilder(path.Length);
        for (int i = 0; i < path.Length; i++)
        {
            if (path[i] == '%' && i + 2 < path.Length
                && byte.TryParse(path.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte b)
                && (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~'))
            {
                normalized.Append((char)b);
                i += 2;
            }
            else
            {
                normalized.Append(path[i]);
            }
        }

        return normalized.ToString();
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) ? ((YamlScalarNode)node).Value : null;
}
