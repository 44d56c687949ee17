// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.OpenCL.Interop;

/// <summary>The OpenCL 1.2 C API entry points this backend uses, bound to <c>libOpenCL.so.1</c> (the ICD
/// loader).</summary>
internal static unsafe partial class Cl
{
    public const string Library = "OpenCL";

    public const int Success = 0;
    public const int BuildProgramFailure = -11;
    public const int DeviceNotFound = -1;
    public const int PlatformNotFoundKhr = -1001;

    public const ulong DeviceTypeCpu = 1 << 1;
    public const ulong DeviceTypeGpu = 1 << 2;
    public const ulong DeviceTypeAll = 0xFFFFFFFF;

    public const uint PlatformName = 0x0902, PlatformVendor = 0x0903, PlatformVersion = 0x0901;
    public const uint DeviceTypeInfo = 0x1000, DeviceMaxComputeUnits = 0x1002, DeviceGlobalMemSize = 0x101F;
    public const uint DeviceName = 0x102B, DeviceVendor = 0x102C, DeviceVersion = 0x102F, DriverVersion = 0x102D;
    public const uint DeviceExtensions = 0x1030, DeviceMaxMemAllocSize = 0x1010;
    public const uint ProgramBuildLog = 0x1183;

    public const ulong MemReadWrite = 1 << 0, MemUseHostPtr = 1 << 3;

    [LibraryImport(Library, EntryPoint = "clGetPlatformIDs")]
    public static partial int GetPlatformIDs(uint numEntries, nint* platforms, uint* numPlatforms);
    [LibraryImport(Library, EntryPoint = "clGetPlatformInfo")]
    public static partial int GetPlatformInfo(nint platform, uint name, nuint size, void* value, nuint* sizeRet);
    [LibraryImport(Library, EntryPoint = "clGetDeviceIDs")]
    public static partial int GetDeviceIDs(nint platform, ulong type, uint numEntries, nint* devices, uint* numDevices);
    [LibraryImport(Library, EntryPoint = "clGetDeviceInfo")]
    public static partial int GetDeviceInfo(nint device, uint name, nuint size, void* value, nuint* sizeRet);
    [LibraryImport(Library, EntryPoint = "clCreateContext")]
    public static partial nint CreateContext(nint* properties, uint numDevices, nint* devices, nint callback, nint userData, int* err);
    [LibraryImport(Library, EntryPoint = "clReleaseContext")]
    public static partial int ReleaseContext(nint context);
    [LibraryImport(Library, EntryPoint = "clCreateCommandQueue")]
    public static partial nint CreateCommandQueue(nint context, nint device, ulong properties, int* err);
    [LibraryImport(Library, EntryPoint = "clReleaseCommandQueue")]
    public static partial int ReleaseCommandQueue(nint queue);
    [LibraryImport(Library, EntryPoint = "clFinish")]
    public static partial int Finish(nint queue);
    [LibraryImport(Library, EntryPoint = "clCreateBuffer")]
    public static partial nint CreateBuffer(nint context, ulong flags, nuint size, void* hostPtr, int* err);
    [LibraryImport(Library, EntryPoint = "clReleaseMemObject")]
    public static partial int ReleaseMemObject(nint mem);
    [LibraryImport(Library, EntryPoint = "clSetMemObjectDestructorCallback")]
    public static partial int SetMemObjectDestructorCallback(nint mem, delegate* unmanaged<nint, nint, void> callback, nint userData);
    [LibraryImport(Library, EntryPoint = "clEnqueueReadBuffer")]
    public static partial int EnqueueReadBuffer(nint queue, nint buffer, uint blocking, nuint offset, nuint size, void* ptr, uint numEvents, nint* events, nint* evt);
    [LibraryImport(Library, EntryPoint = "clEnqueueWriteBuffer")]
    public static partial int EnqueueWriteBuffer(nint queue, nint buffer, uint blocking, nuint offset, nuint size, void* ptr, uint numEvents, nint* events, nint* evt);
    [LibraryImport(Library, EntryPoint = "clCreateProgramWithSource")]
    public static partial nint CreateProgramWithSource(nint context, uint count, byte** strings, nuint* lengths, int* err);
    [LibraryImport(Library, EntryPoint = "clBuildProgram")]
    public static partial int BuildProgram(nint program, uint numDevices, nint* devices, byte* options, nint callback, nint userData);
    [LibraryImport(Library, EntryPoint = "clGetProgramBuildInfo")]
    public static partial int GetProgramBuildInfo(nint program, nint device, uint name, nuint size, void* value, nuint* sizeRet);
    [LibraryImport(Library, EntryPoint = "clReleaseProgram")]
    public static partial int ReleaseProgram(nint program);
    [LibraryImport(Library, EntryPoint = "clCreateKernel")]
    public static partial nint CreateKernel(nint program, byte* name, int* err);
    [LibraryImport(Library, EntryPoint = "clReleaseKernel")]
    public static partial int ReleaseKernel(nint kernel);
    [LibraryImport(Library, EntryPoint = "clSetKernelArg")]
    public static partial int SetKernelArg(nint kernel, uint index, nuint size, void* value);
    [LibraryImport(Library, EntryPoint = "clEnqueueNDRangeKernel")]
    public static partial int EnqueueNDRangeKernel(nint queue, nint kernel, uint workDim, nuint* offset, nuint* global, nuint* local, uint numEvents, nint* events, nint* evt);

    /// <summary>Throws <see cref="OpenClException"/> when <paramref name="status"/> is not success.</summary>
    public static void Check(int status, string call)
    {
        if (status != Success) throw new OpenClException($"OpenCL call {call} failed with status {status} ({ErrorName(status)}).", status);
    }

    /// <summary>The symbolic name of an OpenCL status code.</summary>
    public static string ErrorName(int status) => status switch
    {
        0 => "CL_SUCCESS",
        -1 => "CL_DEVICE_NOT_FOUND",
        -2 => "CL_DEVICE_NOT_AVAILABLE",
        -4 => "CL_MEM_OBJECT_ALLOCATION_FAILURE",
        -5 => "CL_OUT_OF_RESOURCES",
        -6 => "CL_OUT_OF_HOST_MEMORY",
        -11 => "CL_BUILD_PROGRAM_FAILURE",
        -30 => "CL_INVALID_VALUE",
        -34 => "CL_INVALID_CONTEXT",
        -38 => "CL_INVALID_MEM_OBJECT",
        -46 => "CL_INVALID_KERNEL_NAME",
        -48 => "CL_INVALID_KERNEL",
        -49 => "CL_INVALID_ARG_INDEX",
        -50 => "CL_INVALID_ARG_VALUE",
        -51 => "CL_INVALID_ARG_SIZE",
        -52 => "CL_INVALID_KERNEL_ARGS",
        -54 => "CL_INVALID_WORK_GROUP_SIZE",
        -61 => "CL_INVALID_BUFFER_SIZE",
        -63 => "CL_INVALID_GLOBAL_WORK_SIZE",
        -1001 => "CL_PLATFORM_NOT_FOUND_KHR",
        _ => "unknown",
    };
}

/// <summary>An OpenCL call failed; <see cref="Status"/> is the OpenCL error code.</summary>
public sealed class OpenClException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OpenClException(string message, int status) : base(message) { Status = status; }
    /// <summary>Creates the exception.</summary>
    public OpenClException() { }
    /// <summary>Creates the exception.</summary>
    public OpenClException(string message) : base(message) { }
    /// <summary>Creates the exception.</summary>
    public OpenClException(string message, Exception inner) : base(message, inner) { }
    /// <summary>The OpenCL status code.</summary>
    public int Status { get; }
}
