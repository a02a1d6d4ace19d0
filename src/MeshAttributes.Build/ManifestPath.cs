namespace MeshAttributes.Build
{
    /// <summary>
    /// The rules for the <c>&lt;service&gt;/&lt;file&gt;</c> paths the generator emits. They are checked before
    /// anything touches the disk because the task writes and deletes files: a path must never leave the manifests
    /// folder, and must mean the same file on Windows, macOS and Linux.
    /// </summary>
    internal static class ManifestPath
    {
        // Characters Windows refuses in file names; refused everywhere so a project builds the same on every OS.
        private const string WindowsInvalidChars = "<>:\"|?*";

        /// <summary>Returns why <paramref name="path"/> is not acceptable, or null when it is.</summary>
        public static string? Validate(string? path)
        {
            if (path == null || path.Length == 0)
            {
                return "the path is empty";
            }

            if (path.IndexOf('\\') >= 0)
            {
                return "it contains a backslash; manifest paths use forward slashes";
            }

            if (path[0] == '/' || (path.Length > 1 && path[1] == ':'))
            {
                return "it is rooted; it must be relative to the manifests folder";
            }

            string[] segments = path.Split('/');
            if (segments.Length < 2)
            {
                return "it has no service folder; expected <service>/<file>";
            }

            foreach (string segment in segments)
            {
                if (segment.Length == 0)
                {
                    return "it has an empty segment (a doubled or trailing '/')";
                }

                if (segment == "..")
                {
                    return "it contains '..'; a manifest must stay inside the manifests folder";
                }

                if (segment == ".")
                {
                    return "it contains a '.' segment";
                }

                foreach (char c in segment)
                {
                    if (c < ' ' || WindowsInvalidChars.IndexOf(c) >= 0)
                    {
                        return $"it contains the character U+{(int)c:X4}, which is not allowed in a file name on every OS";
                    }
                }

                char last = segment[segment.Length - 1];
                if (last == '.' || last == ' ')
                {
                    return "a segment ends with '.' or a space, which Windows drops from file names";
                }
            }

            return null;
        }

        /// <summary>The service a valid path belongs to: its first segment.</summary>
        public static string ServiceOf(string path)
        {
            int slash = path.IndexOf('/');
            return slash < 0 ? path : path.Substring(0, slash);
        }

        /// <summary>The part of a valid path after the service folder.</summary>
        public static string FileOf(string path)
        {
            int slash = path.IndexOf('/');
            return slash < 0 ? path : path.Substring(slash + 1);
        }
    }
}
