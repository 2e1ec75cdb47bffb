/* Mono's two native helper libraries, embedded whole into dist/ferry-server (scripts/dist.sh);
 * scripts/dist/launcher.c copies each into a memory file and maps Mono's dllmap entries to it.
 * Assembled by gcc with the libraries' paths as C string literals:
 *   gcc -c -DFERRY_POSIX_HELPER='"/usr/lib/libMonoPosixHelper.so"' \
 *          -DFERRY_MONO_NATIVE='"/usr/lib/libmono-native.so.0.0.0"' natives.S */
#if !defined(FERRY_POSIX_HELPER) || !defined(FERRY_MONO_NATIVE)
#error "natives.S: define FERRY_POSIX_HELPER and FERRY_MONO_NATIVE (the libraries' paths)"
#endif

	.section .rodata
	.p2align 4
	.globl ferry_embedded_posix_helper, ferry_embedded_posix_helper_end
ferry_embedded_posix_helper:
	.incbin FERRY_POSIX_HELPER
ferry_embedded_posix_helper_end:
	.p2align 4
	.globl ferry_embedded_mono_native, ferry_embedded_mono_native_end
ferry_embedded_mono_native:
	.incbin FERRY_MONO_NATIVE
ferry_embedded_mono_native_end:
	.section .note.GNU-stack,"",@progbits
