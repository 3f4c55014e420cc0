using System.Runtime.InteropServices;

namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// Hands memory the C allocator keeps after a burst of work back to the system. ONNX Runtime allocates its
/// working buffers with malloc; after embedding every example at start-up, glibc keeps the freed blocks in
/// per-thread pools, tens of megabytes the process then holds for nothing. Linux with glibc only; elsewhere a
/// no-op.
/// </summary>
internal static partial class NativeMemory
{
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): nothing to hand back this way.
        }
        catch (DllNotFoundException)
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
