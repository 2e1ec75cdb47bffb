using System.Reflection;

[assembly: AssemblyTitle("Ferry.Server")]
[assembly: AssemblyDescription("Ferry's HTTP API (docs/http-api.md) and UI host, on System.Net.HttpListener.")]
