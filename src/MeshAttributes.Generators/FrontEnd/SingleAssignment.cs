using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MeshAttributes.Generators.FrontEnd
{
    /// <summary>
    /// Follows a local to the one value it holds: the local must be written exactly once in the body that declares it (its
    /// initializer or one plain assignment), so that every read sees that value. Any other write — a second assignment, a
    /// compound assignment, a deconstruction, <c>ref</c>/<c>out</c>, a <c>foreach</c> or pattern variable — leaves it unknown.
    /// </summary>
    internal static class SingleAssignment
    {
        /// <summary>The value <paramref name="reference"/>'s local holds, or null with the reason it cannot be known.</summary>
        public static IOperation? ValueOf(ILocalReferenceOperation reference, out string? reason)
        {
            ILocalSymbol local = reference.Local;
            IOperation root = reference;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            IOperation? value = null;
            int writes = 0;
            bool unfollowable = false;
            foreach (IOperation operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        if ((declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is { } initializer)
                        {
                            writes++;
                            value = initializer.Value;
                        }

                        break;
                    case IForEachLoopOperation loop when loop.Locals.Contains(local, SymbolEqualityComparer.Default):
                        unfollowable = true;
                        break;
                    case IDeclarationPatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, local):
                    case IRecursivePatternOperation recursive when SymbolEqualityComparer.Default.Equals(recursive.DeclaredSymbol, local):
                        unfollowable = true;
                        break;
                    case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, local):
                        if (IsWrite(other, out IOperation? assigned))
                        {
                            writes++;
                            value = assigned;
                            unfollowable |= assigned is null;
                        }

                        break;
                }
            }

            if (writes == 1 && value is not null && !unfollowable)
            {
                reason = null;
                return value;
            }

            reason = writes > 1
                ? $"the group it is mapped on is held in local '{local.Name}', which is assigned more than once, so which group it holds is known only at run time; give each group its own local"
                : $"the group it is mapped on is held in local '{local.Name}', whose value this reader cannot follow; assign the local once from MapGroup";
            return null;
        }

        // Whether the reference writes its local, and the value written when it is a plain assignment.
        private static bool IsWrite(ILocalReferenceOperation reference, out IOperation? value)
        {
            value = null;
            if (reference.IsDeclaration)
            {
                return true;
            }

            IOperation child = reference;
            IOperation? parent = reference.Parent;
            while (parent is ITupleOperation)
            {
                child = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == child:
                    value = child == reference && !assignment.IsRef ? assignment.Value : null;
                    return true;
                case IAssignmentOperation assignment when assignment.Target == child:
                    return true;
                case IIncrementOrDecrementOperation:
                    return true;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                    return true;
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None }:
                    return true;
                default:
                    return false;
            }
        }
    }
}
