/* The entry point of dist/ferry-server, the single-file server (scripts/dist.sh).
 *
 * Sets Mono's directories to a path that does not exist, registers the bundled assemblies and
 * their AOT modules, maps Mono's two native helpers from memory files, honours
 * MONO_ENV_OPTIONS and runs the bundled exe.
 *
 * Not compilable alone: it includes bundle.c (written by `mkbundle --nomain -c`) and
 * aot-modules.c (registers the AOT modules), which scripts/dist.sh generates per binary into
 * its work directory and puts on the include path with -isystem: dist.sh compiles this file with
 * -Wall -Wextra -Werror, and -isystem exempts the generated code (mkbundle's defines an unused
 * static). The helpers' bytes come from natives.S. */
#define _GNU_SOURCE
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "bundle.c" /* mkbundle: the assemblies, machine.config, mono_mkbundle_init () */
#include "aot-modules.c" /* ferry_register_aot_modules () */
#include <mono/jit/jit.h>
#include <mono/metadata/environment.h>
#include <mono/metadata/mono-config.h>
#include <mono/metadata/mono-debug.h>

/* Mono's assembly and config directories: under /dev/null, where nothing can exist (every path
 * fails with ENOTDIR, even for root), so no GAC, /etc/mono/config, machine.config or aot-cache
 * file is ever found or opened: only what is in this binary runs. */
#define NOWHERE "/dev/null/ferry-dist"

extern const unsigned char ferry_embedded_posix_helper[], ferry_embedded_posix_helper_end[];
extern const unsigned char ferry_embedded_mono_native[], ferry_embedded_mono_native_end[];

static void
die (const char *what)
{
	fprintf (stderr, "%s: %s: %s\n", image_name, what, strerror (errno));
	exit (1);
}

/* Copies an embedded shared library into an anonymous memory file; returns the path dlopen
 * loads it from, /proc/PID/fd/N. Nothing is written to disk. Not /proc/self: a debugger reads
 * the library by the path the process loaded it from, and in gdb /proc/self is gdb. */
static char *
memory_file (const char *name, const unsigned char *start, const unsigned char *end)
{
	int fd = memfd_create (name, MFD_CLOEXEC);
	if (fd < 0)
		die ("memfd_create");
	for (const unsigned char *p = start; p < end;) {
		ssize_t n = write (fd, p, end - p);
		if (n < 0 && errno != EINTR)
			die ("writing a memory file");
		if (n > 0)
			p += n;
	}
	char *path = malloc (64);
	snprintf (path, 64, "/proc/%d/fd/%d", (int) getpid (), fd);
	return path;
}

/* MONO_ENV_OPTIONS, as the mono command reads it: --debug enables the debugger support
 * (mono_debug_init); every other option goes to mono_jit_parse_options (--trace=...,
 * --debugger-agent=..., -O=..., ...). */
static void
parse_env_options (void)
{
	const char *env = getenv ("MONO_ENV_OPTIONS");
	if (env == NULL)
		return;
	char *copy = strdup (env), *save = NULL;
	char *options [64];
	int count = 0;
	for (char *option = strtok_r (copy, " \t", &save); option != NULL && count < 64; option = strtok_r (NULL, " \t", &save)) {
		if (strcmp (option, "--debug") == 0 || strncmp (option, "--debug=", 8) == 0)
			mono_debug_init (MONO_DEBUG_FORMAT_MONO);
		else
			options [count++] = option;
	}
	if (count > 0)
		mono_jit_parse_options (count, options);
}

int
main (int argc, char *argv [])
{
	setlocale (LC_ALL, "");
	/* Each P/Invoke costs ~6x less on Mono 6.8 with preemptive suspend (PLATFORM.md), as
	 * scripts/run-server.sh sets it; the environment can still choose. */
	setenv ("MONO_THREADS_SUSPEND", "preemptive", 0);

	mono_set_dirs (NOWHERE "/lib", NOWHERE "/etc");
	BundleMonoAPI api = {
		.mono_register_bundled_assemblies = mono_register_bundled_assemblies,
		.mono_register_config_for_assembly = mono_register_config_for_assembly,
		.mono_jit_set_aot_mode = mono_jit_set_aot_mode,
		.mono_aot_register_module = mono_aot_register_module,
		.mono_config_parse_memory = mono_config_parse_memory,
		.mono_register_machine_config = mono_register_machine_config,
	};
	initialize_mono_api (&api);
	mono_mkbundle_init ();
	ferry_register_aot_modules ();

	/* The dllmap entries of /etc/mono/config that the bundled assemblies use. */
	char *posix_helper = memory_file ("libMonoPosixHelper.so", ferry_embedded_posix_helper, ferry_embedded_posix_helper_end);
	char *mono_native = memory_file ("libmono-native.so", ferry_embedded_mono_native, ferry_embedded_mono_native_end);
	char config [2048];
	snprintf (config, sizeof config,
		"<configuration>"
		"<dllmap dll=\"MonoPosixHelper\" target=\"%s\"/>"
		"<dllmap dll=\"System.Native\" target=\"%s\"/>"
		"<dllmap dll=\"System.Net.Security.Native\" target=\"%s\"/>"
		"<dllmap dll=\"libc\" target=\"libc.so.6\"/>"
		"<dllmap dll=\"intl\" target=\"libc.so.6\"/>"
		"<dllmap dll=\"libintl\" target=\"libc.so.6\"/>"
		"<dllmap dll=\"i:msvcrt\" target=\"libc.so.6\"/>"
		"<dllmap dll=\"i:msvcrt.dll\" target=\"libc.so.6\"/>"
		"</configuration>",
		posix_helper, mono_native, mono_native);
	mono_config_parse_memory (config);

	parse_env_options ();
	MonoDomain *domain = mono_jit_init_version ("ferry", "v4.0.30319");
	MonoAssembly *assembly = mono_domain_assembly_open (domain, image_name);
	if (assembly == NULL) {
		fprintf (stderr, "%s: %s is not in the bundle\n", argv [0], image_name);
		return 1;
	}
	mono_jit_exec (domain, assembly, argc, argv);
	mono_jit_cleanup (domain);
	return mono_environment_exitcode_get ();
}
