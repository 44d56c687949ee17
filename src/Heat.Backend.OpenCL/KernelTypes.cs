// SPDX-License-Identifier: MIT
namespace Heat.Backend.OpenCL;

/// <summary>The OpenCL C types and build defines of each dtype.</summary>
internal static class KernelTypes
{
    /// <summary>The <c>-D</c> options describing <paramref name="dtype"/> to a kernel family.</summary>
    public static string Defines(DType dtype) => dtype.Code switch
    {
        DTypeCode.Bool => "-D T=uchar -D UT=uchar -D RT=uchar -D K_BOOL -D BITS=8 -D TMAXV=1 -D TMINV=0 -D BANDI=1",
        DTypeCode.UInt8 => "-D T=uchar -D UT=uchar -D RT=uchar -D K_UINT -D BITS=8 -D TMAXV=UCHAR_MAX -D TMINV=0 -D BANDI=UCHAR_MAX",
        DTypeCode.Int8 => "-D T=char -D UT=uchar -D RT=char -D K_INT -D BITS=8 -D TMAXV=CHAR_MAX -D TMINV=CHAR_MIN -D BANDI=((char)-1)",
        DTypeCode.Int16 => "-D T=short -D UT=ushort -D RT=short -D K_INT -D BITS=16 -D TMAXV=SHRT_MAX -D TMINV=SHRT_MIN -D BANDI=((short)-1)",
        DTypeCode.Int32 => "-D T=int -D UT=uint -D RT=int -D K_INT -D BITS=32 -D TMAXV=INT_MAX -D TMINV=INT_MIN -D BANDI=(-1)",
        DTypeCode.Int64 => "-D T=long -D UT=ulong -D RT=long -D K_INT -D BITS=64 -D TMAXV=LONG_MAX -D TMINV=LONG_MIN -D BANDI=(-1L)",
        // float16: only the cast program is built for it (storage type; arithmetic runs widened to float32).
        DTypeCode.Float16 => "-D T=half -D RT=float -D K_FLOAT -D K_HALF",
        DTypeCode.Float32 => "-D T=float -D UT=uint -D RT=float -D K_FLOAT -D TMAXV=INFINITY -D TMINV=(-INFINITY)",
        DTypeCode.Float64 => "-D T=double -D UT=ulong -D RT=double -D K_FLOAT -D TMAXV=INFINITY -D TMINV=(-INFINITY)",
        DTypeCode.Complex64 => "-D T=float2 -D RT=float -D K_COMPLEX",
        _ => "-D T=double2 -D RT=double -D K_COMPLEX",
    };

    /// <summary>The element type moved by the raw copy/fill/where kernels for an element size.</summary>
    public static string RawElement(int itemSize) => itemSize switch
    {
        1 => "uchar",
        2 => "ushort",
        4 => "uint",
        8 => "ulong",
        _ => "ulong2",
    };

    /// <summary>True when the dtype needs double precision on the device.</summary>
    public static bool NeedsFp64(DType dtype) => dtype == DType.Float64 || dtype == DType.Complex128;
}
