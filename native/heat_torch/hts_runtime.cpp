// SPDX-License-Identifier: MIT
// The runtime exports: ABI and library versions, errors, threads, device memory, and the op numbering of hts_ops.h.
#include "hts_common.h"

#include <ATen/detail/CUDAHooksInterface.h>
#if __has_include(<torch/version.h>)
#include <torch/version.h>
#endif

#include <dlfcn.h>

#include <algorithm>
#include <cstring>
#include <iterator>

using namespace hts;

namespace {

#define HTS_NAME_ITEM(name, code) #name,
const char* const k_dtypes[] = {HTS_DTYPES(HTS_NAME_ITEM)};
const char* const k_binary[] = {HTS_BINARY_OPS(HTS_NAME_ITEM)};
const char* const k_unary[] = {HTS_UNARY_OPS(HTS_NAME_ITEM)};
const char* const k_reduce[] = {HTS_REDUCE_KINDS(HTS_NAME_ITEM)};
const char* const k_argreduce[] = {HTS_ARGREDUCE_KINDS(HTS_NAME_ITEM)};
#undef HTS_NAME_ITEM

struct Family {
  const char* const* names;
  int32_t count;
};

template <size_t N>
constexpr Family make_family(const char* const (&names)[N]) { return {names, static_cast<int32_t>(N)}; }

// In hts_op_name's family order (ShimOpHeader.Families on the C# side).
const Family k_families[] = {make_family(k_dtypes), make_family(k_binary), make_family(k_unary), make_family(k_reduce),
                             make_family(k_argreduce)};

const Family& family_of(int32_t family) {
  if (family < 0 || family >= static_cast<int32_t>(std::size(k_families)))
    throw InvalidArgument("unknown op family " + std::to_string(family));
  return k_families[family];
}

}  // namespace

extern "C" {

int32_t hts_abi_version(void) { return HTS_ABI_VERSION; }

const char* hts_last_error(void) { return t_error.c_str(); }

int32_t hts_version(char* buffer, int32_t length) {
  return guard([&] {
#ifdef TORCH_VERSION
    std::string v = TORCH_VERSION;
#else
    std::string v = "unknown";
#endif
    v += at::hasCUDA() ? " (CUDA)" : " (CPU)";
    if (buffer && length > 0) {
      std::strncpy(buffer, v.c_str(), static_cast<size_t>(length) - 1);
      buffer[length - 1] = 0;
    }
  });
}

int32_t hts_cuda_device_count(int32_t* count) {
  return guard([&] { *count = at::hasCUDA() ? static_cast<int32_t>(at::detail::getCUDAHooks().getNumGPUs()) : 0; });
}

int32_t hts_set_num_threads(int32_t threads) {
  return guard([&] {
    if (threads < 1) throw InvalidArgument("threads must be >= 1");
    g_threads.store(threads);
    t_threads = 0;
    ensure_threads();
    // OpenBLAS (behind libtorch's CPU matmul) runs its own threads. libtorch was loaded locally, so look the function
    // up in the BLAS libraries it pulled in.
    using SetThreads = void (*)(int);
    for (const char* name : {"libopenblas.so.0", "libblas.so.3"}) {
      void* lib = dlopen(name, RTLD_LAZY | RTLD_NOLOAD);
      if (!lib) continue;
      auto f = reinterpret_cast<SetThreads>(dlsym(lib, "openblas_set_num_threads"));
      if (f) f(threads);
      dlclose(lib);
      if (f) break;
    }
  });
}

int32_t hts_get_num_threads(int32_t* threads) {
  return guard([&] { *threads = at::get_num_threads(); });
}

int32_t hts_alloc(int64_t bytes, int32_t device, hts_storage** storage, void** data) {
  return guard([&] {
    if (bytes < 0) throw InvalidArgument("negative allocation size");
    if (device >= 0 && !at::hasCUDA()) throw NotSupported("this libtorch has no CUDA; only the CPU is available");
    auto t = new at::Tensor(at::empty({std::max<int64_t>(bytes, 1)}, at::TensorOptions().dtype(at::kByte).device(device_of(device))));
    *storage = reinterpret_cast<hts_storage*>(t);
    *data = t->data_ptr();
  });
}

void hts_free(hts_storage* storage) {
  try {
    delete reinterpret_cast<at::Tensor*>(storage);
  } catch (...) {
  }
}

int32_t hts_synchronize(int32_t device) {
  return guard([&] {
    if (device >= 0 && at::hasCUDA()) at::detail::getCUDAHooks().deviceSynchronize(device);
  });
}

int32_t hts_op_count(int32_t family, int32_t* count) {
  return guard([&] { *count = family_of(family).count; });
}

int32_t hts_op_name(int32_t family, int32_t code, const char** name) {
  return guard([&] {
    const Family& f = family_of(family);
    if (code < 0 || code >= f.count)
      throw InvalidArgument("op code " + std::to_string(code) + " is out of range for family " +
                            std::to_string(family));
    *name = f.names[code];
  });
}

}  // extern "C"
