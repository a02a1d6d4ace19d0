using MeshAttributes.Core.Model;

namespace MeshAttributes.Generators.FrontEnd
{
    /// <summary>
    /// What <see cref="EndpointReader.ReadMap"/> found for a call: the endpoint it maps, or why a handler mapped by
    /// ASP.NET Core's <c>Map*</c> gets no route (<see cref="NotRouted"/>), or neither when the call is no such <c>Map*</c> call.
    /// </summary>
    internal readonly struct HandlerReading
    {
        private HandlerReading(EndpointSpec? endpoint, string? notRouted)
        {
            Endpoint = endpoint;
            NotRouted = notRouted;
        }

        /// <summary>The call is not one of ASP.NET Core's <c>Map*</c> calls that map a handler.</summary>
        public static HandlerReading NoHandler => default;

        /// <summary>The endpoint, when its route is known at compile time.</summary>
        public EndpointSpec? Endpoint { get; }

        /// <summary>Why the handler's route cannot be known at compile time, said so that the user can act on it; null otherwise.</summary>
        public string? NotRouted { get; }

        public static HandlerReading Routed(EndpointSpec endpoint) => new(endpoint, null);

        public static HandlerReading LeftOut(string reason) => new(null, reason);
    }
}
