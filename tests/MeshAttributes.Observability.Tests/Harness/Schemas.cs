using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;
using Xunit;

namespace MeshAttributes.Observability.Tests.Harness
{
    /// <summary>Validates documents against the shared third-party schemas; tests skip when the shared folder is absent.</summary>
    internal static class Schemas
    {
        private static readonly ConcurrentDictionary<string, JsonSchema> Loaded = new();
        private static readonly object Gate = new();

        /// <summary>The absolute path of a file under the shared folder, skipping the test when the folder is absent.</summary>
        public static string SharedFile(string relative)
        {
            string? shared = RepoPaths.Shared;
            Skip.If(shared is null, "the shared schemas folder is absent (set MESH_SHARED_DIR or put it at <repo root>/../shared)");
            string path = Path.Combine(shared!, relative);
            Assert.True(File.Exists(path), "missing schema " + path);
            return path;
        }

        /// <summary>The schema in <paramref name="relative"/>, or one of its <c>definitions</c>; registered so sibling <c>$ref</c>s resolve.</summary>
        public static JsonSchema Get(string relative, string? definition = null)
        {
            string path = SharedFile(relative);
            JsonSchema root;
            lock (Gate)
            {
                root = Loaded.GetOrAdd(path, p =>
                {
                    var schema = JsonSchema.FromFile(p);
                    SchemaRegistry.Global.Register(schema);
                    return schema;
                });
            }

            return definition is null
                ? root
                : new JsonSchemaBuilder().Ref(new Uri(root.BaseUri, "#/definitions/" + definition)).Build();
        }

        public static void AssertValid(JsonSchema schema, JsonNode? instance, string what)
        {
            var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (result.IsValid)
            {
                return;
            }

            var errors = (result.Details ?? Array.Empty<EvaluationResults>())
                .Where(d => d.HasErrors)
                .SelectMany(d => d.Errors!.Select(e => $"  {d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"));
            Assert.Fail($"{what} does not validate:\n{string.Join("\n", errors)}");
        }
    }
}
