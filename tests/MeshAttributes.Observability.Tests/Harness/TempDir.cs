using System;
using System.IO;

namespace MeshAttributes.Observability.Tests.Harness
{
    /// <summary>A fresh directory for one test's files, deleted afterwards.</summary>
    internal sealed class TempDir : IDisposable
    {
        public TempDir()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mesh-obs-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Write(string name, string content)
        {
            File.WriteAllText(System.IO.Path.Combine(Path, name), content);
            return name;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is not worth failing a test over.
            }
        }
    }
}
