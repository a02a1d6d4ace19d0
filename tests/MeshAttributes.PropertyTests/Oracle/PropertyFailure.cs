using System;

namespace MeshAttributes.PropertyTests.Oracle
{
    /// <summary>A property that does not hold, with what differs.</summary>
    internal sealed class PropertyFailure : Exception
    {
        public PropertyFailure(string message)
            : base(message)
        {
        }
    }
}
