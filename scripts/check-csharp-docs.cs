// Compares docs/csharp.md with the public surface of Ferry.dll (scripts/check-csharp-docs.sh
// compiles and runs it). Usage: check-csharp-docs.exe Ferry.dll docs/csharp.md [--list]
//
// The page's convention, which this program reads:
//   - a type's section starts with a level-2 heading whose text is the type's C# name, as in
//     `## Store` or `## ValueReader<TResult>` (backticks allowed); other level-2 headings start
//     sections that may not declare signatures;
//   - a signature is a line that starts, at column 0, with "- `" and holds the signature in that
//     first code span: the C# declaration of the type itself, of a member declared by it
//     (`public static Store Open(string path, StoreOptions options = null)`,
//     `public string Path { get; }`, `public const int MaxKeyLength = 1024`) or of an enum
//     value (`Locked = 11`), exactly as `--list` prints it (whitespace runs count as one space);
//   - every public type and member needs its signature in its type's section; every signature
//     on the page must exist in the assembly.
// Exit status: 0 when both agree, 1 with one line per difference, 2 on bad usage.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

static class CheckCSharpDocs
{
    static int Main(string[] args)
    {
        if (args.Length < 2 || args.Length > 3 || (args.Length == 3 && args[2] != "--list"))
        {
            Console.Error.WriteLine("usage: check-csharp-docs.exe Ferry.dll docs/csharp.md [--list]");
            return 2;
        }
        var surface = Surface.Of(Assembly.LoadFrom(args[0]));
        if (args.Length == 3)
        {
            foreach (var type in surface)
            {
                Console.WriteLine("## " + type.Key);
                foreach (var signature in type.Value) Console.WriteLine("- `" + signature + "`");
            }
            return 0;
        }
        var page = Page.Read(args[1]);
        var problems = Compare(surface, page, args[1]);
        foreach (var problem in problems) Console.Error.WriteLine(problem);
        if (problems.Count > 0)
        {
            Console.Error.WriteLine($"check-csharp-docs: {problems.Count} difference(s) between {args[1]} and {args[0]}; " +
                                    $"run it with --list for the signatures the page must hold");
            return 1;
        }
        Console.WriteLine($"check-csharp-docs: {args[1]} documents all {surface.Count} public types " +
                          $"and {surface.Values.Sum(s => s.Count)} signatures of {Path.GetFileName(args[0])}");
        return 0;
    }

    static List<string> Compare(SortedDictionary<string, List<string>> surface, Page page, string pagePath)
    {
        var problems = new List<string>();
        foreach (var type in surface)
        {
            List<Page.Line> documented;
            if (!page.Sections.TryGetValue(type.Key, out documented))
            {
                problems.Add($"{pagePath}: missing section `## {type.Key}` for public type {type.Key}");
                continue;
            }
            var present = new HashSet<string>(documented.Select(l => l.Signature));
            foreach (var signature in type.Value)
            {
                if (!present.Contains(signature))
                    problems.Add($"{pagePath}: ## {type.Key}: missing public member `{signature}`");
            }
            var expected = new HashSet<string>(type.Value);
            foreach (var line in documented)
            {
                if (!expected.Contains(line.Signature))
                    problems.Add($"{pagePath}:{line.Number}: ## {type.Key}: `{line.Signature}` is not in the assembly " +
                                 "(removed, renamed, or written differently from --list)");
            }
        }
        foreach (var section in page.Sections)
        {
            if (surface.ContainsKey(section.Key)) continue;
            foreach (var line in section.Value)
            {
                problems.Add($"{pagePath}:{line.Number}: `{line.Signature}` is under `## {section.Key}`, " +
                             "which is not a public type of the assembly");
            }
        }
        return problems;
    }
}

/// <summary>The signatures docs/csharp.md declares, by section.</summary>
sealed class Page
{
    internal struct Line
    {
        internal int Number;
        internal string Signature;
    }

    internal readonly Dictionary<string, List<Line>> Sections = new Dictionary<string, List<Line>>();

    static readonly Regex Heading = new Regex(@"^##\s+(.*?)\s*$");
    static readonly Regex SignatureLine = new Regex(@"^- `([^`]+)`");

    internal static Page Read(string path)
    {
        var page = new Page();
        List<Line> current = null;
        var inFence = false;
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (text.StartsWith("```") || text.StartsWith("~~~"))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence) continue;
            var heading = Heading.Match(text);
            if (heading.Success)
            {
                var name = heading.Groups[1].Value.Replace("`", "");
                if (!page.Sections.TryGetValue(name, out current))
                {
                    current = new List<Line>();
                    page.Sections.Add(name, current);
                }
                continue;
            }
            var signature = SignatureLine.Match(text);
            if (signature.Success && current != null)
                current.Add(new Line { Number = number, Signature = Normalize(signature.Groups[1].Value) });
        }
        return page;
    }

    internal static string Normalize(string signature) => Regex.Replace(signature.Trim(), @"\s+", " ");
}

/// <summary>An assembly's public surface as C# declarations, by type (check-ferry-xml.cs reuses
/// <see cref="Declared"/> and <see cref="Access"/>).</summary>
static class Surface
{
    internal const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic |
                                  BindingFlags.Instance | BindingFlags.Static;

    internal static SortedDictionary<string, List<string>> Of(Assembly assembly)
    {
        var surface = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetExportedTypes())
        {
            var signatures = new List<string> { Declaration(type) };
            if (!typeof(Delegate).IsAssignableFrom(type)) signatures.AddRange(Members(type));
            surface.Add(Name(type, true), signatures);
        }
        return surface;
    }

    static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
                yield return field.Name + " = " + Convert.ToString(Convert.ChangeType(field.GetRawConstantValue(), Enum.GetUnderlyingType(type)), CultureInfo.InvariantCulture);
            yield break;
        }
        foreach (var member in type.GetMembers(Declared).OrderBy(m => m.MetadataToken))
        {
            var access = Access(member);
            if (access == null) continue;
            var constructor = member as ConstructorInfo;
            var method = member as MethodInfo;
            var property = member as PropertyInfo;
            var field = member as FieldInfo;
            var evt = member as EventInfo;
            if (constructor != null && !constructor.IsStatic)
                yield return $"{access} {Name(type, false)}({Parameters(constructor)})";
            else if (method != null && !method.IsSpecialName)
                yield return $"{access} {Modifiers(method)}{Name(method.ReturnType, true)} {method.Name}{TypeParameters(method)}({Parameters(method)})";
            else if (property != null)
                yield return Property(access, property);
            else if (field != null && !field.IsSpecialName)
                yield return Field(access, field);
            else if (evt != null)
                yield return $"{access} event {Name(evt.EventHandlerType, true)} {evt.Name}";
        }
    }

    /// <summary>"public" or "protected" for a member outside code can use; null otherwise.</summary>
    internal static string Access(MemberInfo member)
    {
        var method = member as MethodBase;
        var field = member as FieldInfo;
        if (member is PropertyInfo)
        {
            var accessors = ((PropertyInfo)member).GetAccessors(true).Select(Access).Where(a => a != null).ToList();
            return accessors.Contains("public") ? "public" : accessors.FirstOrDefault();
        }
        if (member is EventInfo) return Access(((EventInfo)member).GetAddMethod(true));
        if (method != null) return method.IsPublic ? "public" : method.IsFamily || method.IsFamilyOrAssembly ? Visible(member, "protected") : null;
        if (field != null) return field.IsPublic ? "public" : field.IsFamily || field.IsFamilyOrAssembly ? Visible(member, "protected") : null;
        return null;
    }

    static string Visible(MemberInfo member, string access) => member.DeclaringType.IsSealed ? null : access;

    static string Modifiers(MethodInfo method)
    {
        if (method.IsStatic) return "static ";
        if (method.IsAbstract) return "abstract ";
        if (method.IsVirtual && !method.IsFinal)
            return method.GetBaseDefinition().DeclaringType != method.DeclaringType ? "override " : "virtual ";
        if (method.IsVirtual && method.GetBaseDefinition().DeclaringType != method.DeclaringType && method.DeclaringType.IsValueType)
            return "override ";
        return "";
    }

    static string Property(string access, PropertyInfo property)
    {
        var accessors = new StringBuilder();
        var get = property.GetGetMethod(true);
        var set = property.GetSetMethod(true);
        if (get != null && Access(get) != null) accessors.Append(Access(get) == access ? "get; " : Access(get) + " get; ");
        if (set != null && Access(set) != null) accessors.Append(Access(set) == access ? "set; " : Access(set) + " set; ");
        var accessor = get ?? set;
        var indexer = property.GetIndexParameters();
        var name = indexer.Length == 0 ? property.Name : $"this[{string.Join(", ", indexer.Select(Parameter))}]";
        return $"{access} {Modifiers(accessor)}{Name(property.PropertyType, true)} {name} {{ {accessors}}}";
    }

    static string Field(string access, FieldInfo field)
    {
        if (field.IsLiteral)
            return $"{access} const {Name(field.FieldType, true)} {field.Name} = {Literal(field.GetRawConstantValue(), field.FieldType)}";
        var modifiers = (field.IsStatic ? "static " : "") + (field.IsInitOnly ? "readonly " : "");
        return $"{access} {modifiers}{Name(field.FieldType, true)} {field.Name}";
    }

    static string Declaration(Type type)
    {
        if (typeof(Delegate).IsAssignableFrom(type) && type != typeof(Delegate))
        {
            var invoke = type.GetMethod("Invoke");
            return $"public delegate {Name(invoke.ReturnType, true)} {Name(type, true)}({Parameters(invoke)})";
        }
        string kind;
        if (type.IsEnum) kind = "enum";
        else if (type.IsValueType) kind = "struct";
        else if (type.IsInterface) kind = "interface";
        else if (type.IsAbstract && type.IsSealed) kind = "static class";
        else kind = (type.IsSealed ? "sealed " : type.IsAbstract ? "abstract " : "") + "class";
        var bases = new List<string>();
        if (type.BaseType != null && type.BaseType != typeof(object) && type.BaseType != typeof(ValueType) && type.BaseType != typeof(Enum))
            bases.Add(Name(type.BaseType, true));
        var inherited = type.BaseType == null ? new Type[0] : type.BaseType.GetInterfaces();
        var own = type.GetInterfaces().Except(inherited).ToList();
        // An interface another listed interface extends is implied, as in C# source.
        own = own.Where(i => !own.Any(o => o != i && o.GetInterfaces().Contains(i))).ToList();
        bases.AddRange(own.Select(i => Name(i, true)).OrderBy(n => n, StringComparer.Ordinal));
        return $"public {kind} {Name(type, true)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : "");
    }

    static string TypeParameters(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";

    static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(Parameter));

    static string Parameter(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var prefix = "";
        if (type.IsByRef)
        {
            prefix = parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref ";
            type = type.GetElementType();
        }
        else if (parameter.IsDefined(typeof(ParamArrayAttribute), false))
        {
            prefix = "params ";
        }
        var text = $"{prefix}{Name(type, true)} {parameter.Name}";
        if (parameter.IsOptional && parameter.RawDefaultValue != DBNull.Value && parameter.RawDefaultValue != Missing.Value)
            text += " = " + Literal(parameter.RawDefaultValue, type);
        return text;
    }

    static string Literal(object value, Type type)
    {
        if (value == null) return type.IsValueType ? "default" : "null";
        if (value is string) return "\"" + ((string)value).Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        if (value is bool) return (bool)value ? "true" : "false";
        if (value is char) return "'" + value + "'";
        if (type.IsEnum) return Name(type, true) + "." + Enum.GetName(type, value);
        return Convert.ToString(value, CultureInfo.InvariantCulture);
    }

    static readonly Dictionary<Type, string> Keywords = new Dictionary<Type, string>
    {
        { typeof(void), "void" }, { typeof(object), "object" }, { typeof(string), "string" },
        { typeof(bool), "bool" }, { typeof(char), "char" }, { typeof(byte), "byte" }, { typeof(sbyte), "sbyte" },
        { typeof(short), "short" }, { typeof(ushort), "ushort" }, { typeof(int), "int" }, { typeof(uint), "uint" },
        { typeof(long), "long" }, { typeof(ulong), "ulong" }, { typeof(float), "float" }, { typeof(double), "double" },
        { typeof(decimal), "decimal" },
    };

    /// <summary>The type as C# source names it with the usual usings: keywords, no namespace.</summary>
    static string Name(Type type, bool withArguments)
    {
        string keyword;
        if (Keywords.TryGetValue(type, out keyword)) return keyword;
        if (type.IsArray) return Name(type.GetElementType(), true) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (type.IsPointer) return Name(type.GetElementType(), true) + "*";
        if (type.IsGenericParameter) return type.Name;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Nullable<>))
            return Name(type.GetGenericArguments()[0], true) + "?";
        var name = type.Name;
        var tick = name.IndexOf('`');
        if (tick >= 0) name = name.Substring(0, tick);
        if (type.IsNested) name = Name(type.DeclaringType, false) + "." + name;
        if (withArguments && type.IsGenericType)
            name += "<" + string.Join(", ", type.GetGenericArguments().Select(a => Name(a, true))) + ">";
        return name;
    }
}
