using System;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace MeshAttributes.PackageTests.Infrastructure
{
    /// <summary>
    /// A built service started with `dotnet &lt;dll&gt;` on a free loopback port, stopped (with its process tree) on dispose.
    /// </summary>
    internal sealed partial class RunningService : IDisposable
    {
        private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

        private readonly Process process;
        private readonly StringBuilder output = new();

        public RunningService(string assemblyPath)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(assemblyPath);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add("http://127.0.0.1:0");
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => OnLine(e.Data, listening);
            process.ErrorDataReceived += (_, e) => OnLine(e.Data, listening);
            process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The service exited:\n{Output}"));
            process.EnableRaisingEvents = true;
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            if (!listening.Task.Wait(StartLimit))
            {
                Dispose();
                throw new TimeoutException($"The service did not start listening in {StartLimit.TotalSeconds}s:\n{Output}");
            }

            BaseAddress = listening.Task.Result;
        }

        public Uri BaseAddress { get; }

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        public void Dispose()
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // It exited on its own in between.
            }

            process.Dispose();
        }

        private void OnLine(string? line, TaskCompletionSource<Uri> listening)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Append(line).Append('\n');
            }

            Match match = ListeningPattern().Match(line);
            if (match.Success)
            {
                listening.TrySetResult(new Uri(match.Groups["address"].Value));
            }
        }

        [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)")]
        private static partial Regex ListeningPattern();
    }
}
