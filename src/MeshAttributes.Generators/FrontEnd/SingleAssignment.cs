using System.Collections.Generic;
using System.Runtime.CompilerServices;
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
        // The writes of every local of a body, found in one walk and kept while the body's operations live: the handlers
        // of one method ask about the same few group locals.
        private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, Writes>> Bodies = new();

        /// <summary>The value <paramref name="reference"/>'s local holds, or null with the reason it cannot be known.</summary>
        public static IOperation? ValueOf(ILocalReferenceOperation reference, out string? reason)
        {
            IOperation root = reference;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            ILocalSymbol local = reference.Local;
            Writes writes = Bodies.GetValue(root, WritesOf).TryGetValue(local, out Writes found) ? found : default;
            if (writes.Count == 1 && writes.Value is not null && !writes.Unfollowable)
            {
                reason = null;
                return writes.Value;
            }

            reason = writes.Count > 1
                ? $"the group it is mapped on is held in local '{local.Name}', which is assigned more than once, so which group it holds is known only at run time; give each group its own local"
                : $"the group it is mapped on is held in local '{local.Name}', whose value this reader cannot follow; assign the local once from MapGroup";
            return null;
        }

        private static Dictionary<ILocalSymbol, Writes> WritesOf(IOperation root)
        {
            var locals = new Dictionary<ILocalSymbol, Writes>(SymbolEqualityComparer.Default);
            void Add(ILocalSymbol local, IOperation? value, bool unfollowable)
            {
                locals.TryGetValue(local, out Writes writes);
                locals[local] = new Writes(writes.Count + 1, value, writes.Unfollowable || unfollowable);
            }

            foreach (IOperation operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator:
                        if ((declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is { } initializer)
                        {
                            Add(declarator.Symbol, initializer.Value, unfollowable: false);
                        }

                        break;
                    case IForEachLoopOperation loop:
                        foreach (ILocalSymbol local in loop.Locals)
                        {
                            Add(local, null, unfollowable: true);
                        }

                        break;
                    case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local }:
                        Add(local, null, unfollowable: true);
                        break;
                    case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local }:
                        Add(local, null, unfollowable: true);
                        break;
                    case ILocalReferenceOperation reference when IsWrite(reference, out IOperation? assigned):
                        Add(reference.Local, assigned, unfollowable: assigned is null);
                        break;
                }
            }

            return locals;
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
    

        // How often a local is written, the value of its last plain write, and whether any write is one that cannot be followed.
        private readonly record struct Writes(int Count, IOperation? Value, bool Unfollowable);
    }
}
