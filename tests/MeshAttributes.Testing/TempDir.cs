using System;
using System.IO;

namespace MeshAttributes.Testing
{
    /// <summary>A fresh directory under the system temp folder for one test's files, deleted with them on dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public TempDir()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mesh-test-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        /// <summary>Writes <paramref name="content"/> to <paramref name="name"/> in the directory; returns <paramref name="name"/>, the path relative to it.</summary>
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
