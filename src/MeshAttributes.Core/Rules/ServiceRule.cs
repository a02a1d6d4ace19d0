using System.Collections.Generic;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>A rule over one service's declarations: a pure function from the model to findings.</summary>
    public delegate IEnumerable<Finding> ServiceRule(ServiceSpec service);
}
