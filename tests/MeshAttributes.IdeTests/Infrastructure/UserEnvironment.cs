using System;

namespace MeshAttributes.IdeTests.Infrastructure
{
    /// <summary>
    /// Makes this test process's environment a user's before Roslyn's MSBuild build host starts from it: `dotnet test`
    /// sets MSBuild variables for its own build that would point the build host at the wrong SDK files.
    /// </summary>
    internal static class UserEnvironment
    {
        public static readonly string[] TestHostMSBuildVariables = ["MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly"];

        public static void Apply()
        {
            foreach (string name in TestHostMSBuildVariables)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }
}
