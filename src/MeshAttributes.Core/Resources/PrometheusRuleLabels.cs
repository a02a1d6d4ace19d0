using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// The labels the MSBuild property <c>MeshPrometheusRuleLabels</c> adds to every PrometheusRule's metadata, written
    /// <c>key=value;key=value</c> (e.g. <c>release=kube-prometheus-stack</c>, the label kube-prometheus-stack's Prometheus
    /// selects rules by). Keys and values follow Kubernetes' label syntax; a text that does not is refused as a whole,
    /// so a PrometheusRule is never written with labels the API server would reject or a selector would not match.
    /// </summary>
    public sealed class PrometheusRuleLabels
    {
        /// <summary>The MSBuild property, named in every error so the user knows where to look.</summary>
        public const string Property = "MeshPrometheusRuleLabels";

        private const int MaxNameLength = 63;
        private const int MaxPrefixLength = 253;

        // Kubernetes' qualified name (the part after an optional prefix) and label value: alphanumerics, '-', '_', '.',
        // starting and ending with an alphanumeric.
        private static readonly Regex Name = new("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant);

        // A key's prefix: a DNS-1123 subdomain.
        private static readonly Regex Subdomain = new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant);

        private PrometheusRuleLabels(IReadOnlyList<KeyValuePair<string, string>> labels, string? error)
        {
            Labels = labels;
            Error = error;
        }

        /// <summary>The labels in the order written; empty when there is an <see cref="Error"/>.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Labels { get; }

        /// <summary>What is wrong with the text and what to write instead, or null when it is valid.</summary>
        public string? Error { get; }

        /// <summary>
        /// Reads <paramref name="text"/>: entries separated by <c>;</c>, each <c>key=value</c>; whitespace around entries,
        /// keys and values is ignored, as are empty entries (a trailing <c>;</c>). Null or blank text means no labels.
        /// </summary>
        public static PrometheusRuleLabels Parse(string? text)
        {
            var labels = new List<KeyValuePair<string, string>>();
            if (string.IsNullOrWhiteSpace(text))
            {
                return new PrometheusRuleLabels(labels, null);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string raw in text!.Split(';'))
            {
                string entry = raw.Trim();
                if (entry.Length == 0)
                {
                    continue;
                }

                int equals = entry.IndexOf('=');
                if (equals < 0)
                {
                    return Fail(text, $"'{entry}' has no '='");
                }

                string key = entry.Substring(0, equals).Trim();
                string value = entry.Substring(equals + 1).Trim();
                string? problem = KeyProblem(key) ?? ValueProblem(key, value);
                if (problem is not null)
                {
                    return Fail(text, problem);
                }

                if (key == "app.kubernetes.io/name" || key == "app.kubernetes.io/managed-by")
                {
                    return Fail(text, $"'{key}' is set by MeshAttributes on every resource it writes");
                }

                if (!seen.Add(key))
                {
                    return Fail(text, $"'{key}' is given twice");
                }

                labels.Add(new KeyValuePair<string, string>(key, value));
            }

            return new PrometheusRuleLabels(labels, null);
        }

        private static string? KeyProblem(string key)
        {
            int slash = key.IndexOf('/');
            string name = slash < 0 ? key : key.Substring(slash + 1);
            if (slash >= 0)
            {
                string prefix = key.Substring(0, slash);
                if (prefix.Length == 0 || prefix.Length > MaxPrefixLength || !Subdomain.IsMatch(prefix))
                {
                    return $"the key '{key}' has a prefix that is not a DNS subdomain (lower-case letters, digits, '-' and '.', at most {MaxPrefixLength} characters)";
                }
            }

            if (name.Length == 0 || name.Length > MaxNameLength || !Name.IsMatch(name))
            {
                return $"the key '{key}' is not a label name (letters, digits, '-', '_' and '.', starting and ending with a letter or digit, at most {MaxNameLength} characters, with an optional 'prefix/')";
            }

            return null;
        }

        private static string? ValueProblem(string key, string value) =>
            value.Length == 0 || (value.Length <= MaxNameLength && Name.IsMatch(value))
                ? null
                : $"the value '{value}' of '{key}' is not a label value (letters, digits, '-', '_' and '.', starting and ending with a letter or digit, at most {MaxNameLength} characters)";

        private static PrometheusRuleLabels Fail(string text, string problem) =>
            new(Array.Empty<KeyValuePair<string, string>>(),
                $"{Property} \"{text}\" is not a list of Kubernetes labels: {problem}. Write key=value pairs separated by ';', e.g. release=kube-prometheus-stack");
    }
}
