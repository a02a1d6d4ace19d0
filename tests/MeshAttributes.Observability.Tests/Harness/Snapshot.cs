using System;
using System.IO;
using Xunit;

namespace MeshAttributes.Observability.Tests.Harness
{
    /// <summary>
    /// Golden files: <c>Snapshots/&lt;Test&gt;.&lt;file&gt;.verified.&lt;ext&gt;</c>. A mismatch writes <c>.received.</c> beside it
    /// and fails; <c>MESH_ACCEPT_SNAPSHOTS=1</c> accepts the new output instead.
    /// </summary>
    internal static class Snapshot
    {
        public static void Verify(string test, string fileName, string actual)
        {
            string stem = Path.GetFileNameWithoutExtension(fileName);
            string ext = Path.GetExtension(fileName);
            string verified = Path.Combine(RepoPaths.Snapshots, $"{test}.{stem}.verified{ext}");
            string received = Path.Combine(RepoPaths.Snapshots, $"{test}.{stem}.received{ext}");
            bool accept = Environment.GetEnvironmentVariable("MESH_ACCEPT_SNAPSHOTS") == "1";

            if (File.Exists(verified) && File.ReadAllText(verified) == actual)
            {
                File.Delete(received);
                return;
            }

            Directory.CreateDirectory(RepoPaths.Snapshots);
            if (accept)
            {
                File.WriteAllText(verified, actual);
                File.Delete(received);
                return;
            }

            File.WriteAllText(received, actual);
            Assert.Fail(File.Exists(verified)
                ? $"{fileName} differs from {verified}; compare it with {received}, and if the change is intended run the tests with MESH_ACCEPT_SNAPSHOTS=1"
                : $"no golden file {verified} yet; review {received} and run the tests with MESH_ACCEPT_SNAPSHOTS=1 to accept it");
        }
    }
}
