// Checks that Ferry.xml, the XML docs mcs writes for Ferry.dll, documents the public API only
// (scripts/test-dotnet.sh compiles it with check-csharp-docs.cs, whose Surface says what code
// outside the assembly can use, and runs it). Usage: check-ferry-xml.exe Ferry.dll Ferry.xml
//
// The public surface is the assembly's exported types (public types and public nested types)
// and their public or protected members (as docs/csharp.md lists them). The check fails, naming
// the member, when Ferry.xml
//   - has a <member name="..."> whose doc ID (T:, M:, P:, F:, E:) is not in the public surface:
//     an internal or private item was documented with /// instead of //;
//   - has a cref to a Ferry item outside the public surface: a public doc links to something the
//     reader cannot see.
// An ID the surface does not spell as mcs does fails too, so the check cannot pass by missing.
// Exit status: 0 when Ferry.xml documents the public API only, 1 with one line per problem,
// 2 on bad usage.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Xml;

static class CheckFerryXml
{
    static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: check-ferry-xml.exe Ferry.dll Ferry.xml");
            return 2;
        }
        var assembly = Assembly.LoadFrom(args[0]);
        var surface = DocIds.PublicSurface(assembly);
        var namespaces = new HashSet<string>(assembly.GetTypes().Select(t => t.Namespace).Where(n => n != null));
        var xml = new XmlDocument();
        xml.Load(args[1]);
        var members = xml.SelectNodes("/doc/members/member").Cast<XmlElement>().ToList();
        var problems = new List<string>();
        if (members.Count == 0) problems.Add($"{args[1]}: no <member> element; is it the XML docs of {args[0]}?");
        foreach (var member in members)
        {
            var id = member.GetAttribute("name");
            if (!surface.Contains(id))
                problems.Add($"{args[1]}: documents {id}, which is not public API");
            foreach (var cref in member.SelectNodes(".//@cref").Cast<XmlAttribute>().Select(a => a.Value))
            {
                if (IsOwn(cref, namespaces) && !surface.Contains(cref))
                    problems.Add($"{args[1]}: the docs of {id} refer to {cref}, which is not public API");
            }
        }
        foreach (var problem in problems) Console.Error.WriteLine(problem);
        if (problems.Count > 0)
        {
            Console.Error.WriteLine($"check-ferry-xml: {problems.Count} problem(s) in {args[1]}: comment internal " +
                                    "and private items with //, not /// (dotnet/Ferry/*.cs; generated/csharp comes " +
                                    "from bindgen/src/csharp/writer.rs), and name them in text, not in a <see cref>");
            return 1;
        }
        Console.WriteLine($"check-ferry-xml: {args[1]} documents {members.Count} members, all public API " +
                          $"({surface.Count} doc IDs in the public surface of {args[0]})");
        return 0;
    }

    // A cref ID ("M:Ferry.Store.Track(...)") naming an item of one of the assembly's namespaces.
    static bool IsOwn(string cref, HashSet<string> namespaces)
    {
        var colon = cref.IndexOf(':');
        var name = colon < 0 ? cref : cref.Substring(colon + 1);
        return namespaces.Any(n => name.StartsWith(n + ".", StringComparison.Ordinal));
    }
}

/// <summary>Documentation IDs (ECMA-334 annex D, as mcs writes them) of an assembly's public surface.</summary>
static class DocIds
{
    internal static HashSet<string> PublicSurface(Assembly assembly)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.GetExportedTypes())
        {
            ids.Add("T:" + Definition(type));
            if (typeof(Delegate).IsAssignableFrom(type)) continue;
            foreach (var member in type.GetMembers(Surface.Declared))
            {
                if (Surface.Access(member) == null) continue;
                var id = Of(member);
                if (id != null) ids.Add(id);
            }
        }
        return ids;
    }

    /// <summary>The member's ID; null for what has none of its own (accessors, enum's value__).</summary>
    static string Of(MemberInfo member)
    {
        var prefix = Definition(member.DeclaringType) + ".";
        var constructor = member as ConstructorInfo;
        var method = member as MethodInfo;
        var property = member as PropertyInfo;
        var field = member as FieldInfo;
        if (constructor != null)
            return "M:" + prefix + (constructor.IsStatic ? "#cctor" : "#ctor") + Parameters(constructor.GetParameters());
        if (method != null)
        {
            var isOperator = method.Name.StartsWith("op_", StringComparison.Ordinal);
            if (method.IsSpecialName && !isOperator) return null;
            var id = "M:" + prefix + method.Name.Replace('.', '#') +
                     (method.IsGenericMethodDefinition ? "``" + method.GetGenericArguments().Length : "") +
                     Parameters(method.GetParameters());
            if (method.Name == "op_Implicit" || method.Name == "op_Explicit") id += "~" + Reference(method.ReturnType);
            return id;
        }
        if (property != null) return "P:" + prefix + property.Name + Parameters(property.GetIndexParameters());
        if (field != null) return field.IsSpecialName ? null : "F:" + prefix + field.Name;
        if (member is EventInfo) return "E:" + prefix + member.Name;
        return null;
    }

    static string Parameters(ParameterInfo[] parameters) =>
        parameters.Length == 0 ? "" : "(" + string.Join(",", parameters.Select(p => Reference(p.ParameterType))) + ")";

    /// <summary>A type definition's name: namespace, outer types and arity, as in "Ferry.ValueReader`1".</summary>
    static string Definition(Type type) =>
        type.IsNested ? Definition(type.DeclaringType) + "." + type.Name
                      : (string.IsNullOrEmpty(type.Namespace) ? "" : type.Namespace + ".") + type.Name;

    /// <summary>A type as a parameter names it: "System.ReadOnlySpan{System.Byte}", "``0@", "System.Byte[]".</summary>
    static string Reference(Type type)
    {
        if (type.IsByRef) return Reference(type.GetElementType()) + "@";
        if (type.IsPointer) return Reference(type.GetElementType()) + "*";
        if (type.IsArray)
        {
            var rank = type.GetArrayRank();
            return Reference(type.GetElementType()) +
                   (rank == 1 ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", rank)) + "]");
        }
        if (type.IsGenericParameter)
            return (type.DeclaringMethod != null ? "``" : "`") + type.GenericParameterPosition;
        if (type.IsGenericType)
        {
            var definition = Definition(type.GetGenericTypeDefinition());
            var tick = definition.LastIndexOf('`');
            return definition.Substring(0, tick) + "{" + string.Join(",", type.GetGenericArguments().Select(Reference)) + "}";
        }
        return Definition(type);
    }
}
