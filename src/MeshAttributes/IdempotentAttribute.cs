using System;

namespace MeshAttributes
{
    /// <summary>
    /// Declares a POST or PATCH endpoint safe to replay, for example because it honours an
    /// <c>Idempotency-Key</c> header, so retry conditions that can replay a processed request are allowed on it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class IdempotentAttribute : Attribute
    {
    }
}
