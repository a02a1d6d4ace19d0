using System.Linq;
using MeshAttributes.Build.Tests.Infrastructure;
using Microsoft.Build.Framework;

namespace MeshAttributes.Build.Tests.Unit
{
    /// <summary>One in-process run of <see cref="WriteMeshManifests"/> and what it logged.</summary>
    internal sealed record TaskRun(bool Success, WriteMeshManifests Task, FakeBuildEngine Engine)
    {
        public string ErrorText => string.Join("\n", Engine.Errors.Select(e => $"{e.Code}: {e.Message}"));

        public string Summary =>
            Engine.Messages.SingleOrDefault(m => m.Importance == MessageImportance.High && m.Message!.StartsWith("MeshAttributes: ", System.StringComparison.Ordinal))?.Message
            ?? "(no summary)";
    }
}
