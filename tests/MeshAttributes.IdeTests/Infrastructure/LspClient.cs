using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace MeshAttributes.IdeTests.Infrastructure
{
    /// <summary>
    /// A minimal Language Server Protocol client over a server's stdio: JSON-RPC 2.0 messages framed by a
    /// <c>Content-Length</c> header. It sends requests and notifications, matches responses to requests by id, and
    /// answers the server's own requests through a handler (csharp-ls asks for <c>workspace/configuration</c>).
    /// </summary>
    internal sealed class LspClient : IDisposable
    {
        private readonly Process process;
        private readonly Stream input;
        private readonly Stream output;
        private readonly Func<string, JsonNode?, JsonNode?> answer;
        private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
        private readonly SemaphoreSlim writing = new(1, 1);
        private readonly StringBuilder log = new();
        private readonly Task reading;
        private int nextId;

        private LspClient(Process process, Func<string, JsonNode?, JsonNode?> answer)
        {
            this.process = process;
            this.answer = answer;
            input = process.StandardInput.BaseStream;
            output = process.StandardOutput.BaseStream;
            process.ErrorDataReceived += (_, e) => Log("stderr", e.Data);
            process.BeginErrorReadLine();
            reading = Task.Run(ReadLoop);
        }

        /// <summary>What the server said besides responses (log messages, notifications, stderr), for assertion messages.</summary>
        public string Transcript
        {
            get
            {
                lock (log)
                {
                    return log.ToString();
                }
            }
        }

        /// <summary>
        /// Starts <paramref name="start"/> (its standard streams are redirected here) and talks LSP to it.
        /// <paramref name="answer"/> gets each request the server sends (method, params) and returns the result.
        /// </summary>
        public static LspClient Start(ProcessStartInfo start, Func<string, JsonNode?, JsonNode?> answer)
        {
            start.RedirectStandardInput = true;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.UseShellExecute = false;
            Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
            return new LspClient(process, answer);
        }

        /// <summary>Sends a request and waits for its result; throws on an error response, on timeout, or when the server exits.</summary>
        public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
        {
            int id = Interlocked.Increment(ref nextId);
            var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[id] = response;
            await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
            Task finished = await Task.WhenAny(response.Task, Task.Delay(timeout));
            if (finished != response.Task)
            {
                pending.TryRemove(id, out _);
                throw new TimeoutException($"No answer to {method} within {timeout.TotalSeconds}s. The server said:\n{Transcript}");
            }

            return await response.Task;
        }

        public Task NotifyAsync(string method, JsonNode? parameters) =>
            SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

        /// <summary>Asks the server to shut down and exit, then makes sure it is gone, with any process it started.</summary>
        public void Dispose()
        {
            try
            {
                if (!process.HasExited)
                {
                    RequestAsync("shutdown", null, TimeSpan.FromSeconds(10)).Wait(TimeSpan.FromSeconds(10));
                    NotifyAsync("exit", null).Wait(TimeSpan.FromSeconds(5));
                    process.WaitForExit(5_000);
                }
            }
            catch (Exception ex) when (ex is AggregateException or IOException or TimeoutException or InvalidOperationException)
            {
                // Past its exit or not answering: the kill below ends it either way.
            }

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
                // It exited in between.
            }

            process.Dispose();
        }

        private async Task SendAsync(JsonObject message)
        {
            byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
            byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            await writing.WaitAsync();
            try
            {
                await input.WriteAsync(header);
                await input.WriteAsync(body);
                await input.FlushAsync();
            }
            finally
            {
                writing.Release();
            }
        }

        private async Task ReadLoop()
        {
            try
            {
                while (await ReadMessageAsync() is { } message)
                {
                    await DispatchAsync(message);
                }

                Fail(new IOException($"The server closed its output (exit code {(process.HasExited ? process.ExitCode : (int?)null)}). It said:\n{Transcript}"));
            }
            catch (Exception ex) when (ex is IOException or JsonException or ObjectDisposedException or InvalidOperationException)
            {
                Fail(new IOException($"Reading from the server failed: {ex.Message}. It said:\n{Transcript}", ex));
            }
        }

        private async Task DispatchAsync(JsonObject message)
        {
            string? method = message["method"]?.GetValue<string>();
            JsonNode? id = message["id"];
            if (method is not null && id is not null)
            {
                Log("request", $"{method} {message["params"]?.ToJsonString()}");
                JsonNode? result = answer(method, message["params"]);
                await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
            }
            else if (method is not null)
            {
                Log(method, method == "window/logMessage" ? message["params"]?["message"]?.GetValue<string>() : message["params"]?.ToJsonString());
            }
            else if (id is not null && pending.TryRemove(id.GetValue<int>(), out TaskCompletionSource<JsonNode?>? response))
            {
                if (message["error"] is { } error)
                {
                    response.TrySetException(new InvalidOperationException($"The server answered with an error: {error.ToJsonString()}"));
                }
                else
                {
                    response.TrySetResult(message["result"]);
                }
            }
        }

        /// <summary>One message: header lines up to an empty line, then exactly Content-Length bytes of UTF-8 JSON.</summary>
        private async Task<JsonObject?> ReadMessageAsync()
        {
            int length = -1;
            while (true)
            {
                string? line = await ReadHeaderLineAsync();
                if (line is null)
                {
                    return null;
                }

                if (line.Length == 0)
                {
                    break;
                }

                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            if (length < 0)
            {
                throw new InvalidOperationException("A message came without a Content-Length header.");
            }

            byte[] body = new byte[length];
            await output.ReadExactlyAsync(body);
            return JsonNode.Parse(body)?.AsObject();
        }

        private async Task<string?> ReadHeaderLineAsync()
        {
            var line = new List<byte>();
            byte[] one = new byte[1];
            while (true)
            {
                if (await output.ReadAsync(one) == 0)
                {
                    return null;
                }

                if (one[0] == (byte)'\n')
                {
                    return Encoding.ASCII.GetString(line.ToArray()).TrimEnd('\r');
                }

                line.Add(one[0]);
            }
        }

        private void Fail(Exception ex)
        {
            foreach (int id in pending.Keys)
            {
                if (pending.TryRemove(id, out TaskCompletionSource<JsonNode?>? response))
                {
                    response.TrySetException(ex);
                }
            }
        }

        private void Log(string kind, string? text)
        {
            if (text is null)
            {
                return;
            }

            lock (log)
            {
                // The last part is what explains a failure; a server can log a lot while it loads a project.
                if (log.Length > 200_000)
                {
                    log.Remove(0, 100_000);
                }

                log.Append('[').Append(kind).Append("] ").Append(text).Append('\n');
            }
        }
    }
}
