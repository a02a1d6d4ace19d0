using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MeshAttributes.Testing
{
    /// <summary>
    /// The ASP.NET Core reference assemblies (Microsoft.AspNetCore.App.Ref, net10.0) that ship with the SDK the tests run on,
    /// so test compilations of web code need no download.
    /// </summary>
    public static class AspNetCoreReferencePack
    {
        /// <summary>The pack's reference assemblies, from its newest version.</summary>
        public static IReadOnlyList<string> Assemblies()
        {
            // <dotnet root>/shared/Microsoft.NETCore.App/<version>/ → <dotnet root>/packs/Microsoft.AspNetCore.App.Ref/<newest>/ref/net10.0/
            string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            string root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
            string packs = Path.Combine(root, "packs", "Microsoft.AspNetCore.App.Ref");
            string? folder = Directory.Exists(packs)
                ? Directory.GetDirectories(packs)
                    .OrderByDescending(v => Version.TryParse(Path.GetFileName(v).Split('-')[0], out Version? parsed) ? parsed : new Version(0, 0))
                    .Select(v => Path.Combine(v, "ref", "net10.0"))
                    .FirstOrDefault(Directory.Exists)
                : null;
            return folder is null
                ? throw new InvalidOperationException($"The ASP.NET Core reference pack (Microsoft.AspNetCore.App.Ref, net10.0) was not found under {packs}; it ships with the .NET 10 SDK.")
                : Directory.GetFiles(folder, "*.dll");
        }
    }
}
