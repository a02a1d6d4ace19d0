using System.Threading.Tasks;
using MeshAttributes.Generators;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace MeshAttributes.Analyzers.Tests
{
    /// <summary>
    /// MESH004 on the MSBuild property <c>MeshPrometheusRuleLabels</c>: an invalid list fires at every <c>[MeshService]</c>
    /// of the project as you type, read from the encoded property exactly as the generator reads it, and a valid one is silent.
    /// </summary>
    public class PrometheusRuleLabelsTests
    {
        [Fact]
        public Task MESH004_invalid_labels_fire_at_the_assembly_service_naming_the_property_the_label_and_the_fix() =>
            Verify.AnalyzerWithProperties(
                Sources.Usings + "\n" + """[assembly: {|#0:MeshService("payment-service")|}]""",
                Labels("release: kube-prometheus-stack"),
                new DiagnosticResult(Generators.Analyzers.Descriptors.InvalidName).WithLocation(0).WithArguments("MeshPrometheusRuleLabels \"release: kube-prometheus-stack\" is not a list of Kubernetes labels: 'release: kube-prometheus-stack' has no '='. Write key=value pairs separated by ';', e.g. release=kube-prometheus-stack"));

        [Fact]
        public Task MESH004_fires_for_every_service_the_project_declares() =>
            Verify.AnalyzerWithProperties(
                Sources.Usings + "\n" + """
                    [assembly: {|MESH004:MeshService("cart")|}]
                    [MeshService({|MESH004:"billing"|}, Namespace = "finance")]
                    public class Billing { }
                    """,
                Labels("release=a;release=b"));

        [Theory]
        [InlineData("release=prod#canary", "the value 'prod#canary' of 'release' is not a label value (letters, digits, '-', '_' and '.', starting and ending with a letter or digit, at most 63 characters)")]
        [InlineData("team=payments;release=a;release=b", "'release' is given twice")]
        public Task MESH004_sees_the_semicolons_and_hashes_the_targets_encode(string labels, string problem) =>
            Verify.AnalyzerWithProperties(
                Sources.Usings + "\n" + """[assembly: {|#0:MeshService("payment-service")|}]""",
                Labels(labels),
                new DiagnosticResult(Generators.Analyzers.Descriptors.InvalidName).WithLocation(0).WithArguments($"MeshPrometheusRuleLabels \"{labels}\" is not a list of Kubernetes labels: {problem}. Write key=value pairs separated by ';', e.g. release=kube-prometheus-stack"));

        [Theory]
        [InlineData("release=kube-prometheus-stack;team=payments")]
        [InlineData("")]
        public Task MESH004_is_silent_for_valid_or_empty_labels(string labels) =>
            Verify.AnalyzerWithProperties(Sources.Usings + "\n" + """[assembly: MeshService("payment-service")]""", Labels(labels));

        // As MeshAttributes.targets hands the property to the compiler: ';' and '#' encoded, under _MeshPrometheusRuleLabels.
        private static (string, string)[] Labels(string labels) =>
            new[] { ("_MeshPrometheusRuleLabels", labels.Replace(';', GeneratorOptions.EncodedSemicolon).Replace('#', GeneratorOptions.EncodedHash)) };
    }
}
