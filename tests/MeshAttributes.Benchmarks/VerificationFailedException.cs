using System;

namespace MeshAttributes.Benchmarks
{
    /// <summary>A <c>--verify</c> check that did not hold.</summary>
    internal sealed class VerificationFailedException : Exception
    {
        public VerificationFailedException(string message)
            : base(message)
        {
        }
    }
}
