namespace MeshAttributes.PropertyTests.Oracle
{
    /// <summary>
    /// Prometheus expands every alert annotation as a Go text/template: literal text that contains <c>{{</c> must be
    /// written as the template action <c>{{ "{{" }}</c>, which prints <c>{{</c>. Nothing else in literal text is special.
    /// </summary>
    internal static class PrometheusTemplate
    {
        public static string Literal(string text) => Utf8.Representable(text).Replace("{{", "{{ \"{{\" }}");
    }
}
