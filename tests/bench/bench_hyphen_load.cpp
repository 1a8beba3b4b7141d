// How long loading a hyphenation dictionary takes (docs/text-pipeline.md, "Hyphenation: loading a
// dictionary"): libhyphen's own loader (hnj_hyphen_load_file) against the viewer's
// (HyphenDictionaries::load: the check, then hyphen_trie_loader), natively and as wasm under node.
// CPU time, each the best of a few runs; one JSON line per dictionary.
//     bench_hyphen_load DICT_DIR [NAME...] [--runs N] [--no-libhyphen]
#include <algorithm>
#include <ctime>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/hyphen_dictionaries.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

extern "C" {
#include "hyphen.h"
}

namespace {

// CPU time of the process, as the other benchmarks count (BENCHMARKS.md, "Machine"): the machine is
// shared, and wall time measures the other jobs as much as this one.
#ifdef __EMSCRIPTEN__
EM_JS(double, cpu_ms, (), { const u = process.cpuUsage(); return (u.user + u.system) / 1000; });
#else
double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}
#endif

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_hyphen_load DICT_DIR [NAME...] [--runs N] [--no-libhyphen]\n");
        return 2;
    }
    const std::string dir = argv[1];
    std::vector<std::string> names;
    int runs = 3;
    bool libhyphen = true;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--runs" && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (a == "--no-libhyphen")
            libhyphen = false;
        else
            names.push_back(a);
    }
    if (names.empty()) names = {"de_DE", "fr", "en_US"};
    for (const std::string& name : names) {
        const std::string path = dir + "/hyph_" + name + ".dic";
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "bench_hyphen_load: cannot read %s\n", path.c_str());
            return 1;
        }
        std::ostringstream s;
        s << in.rdbuf();
        std::string text = s.str();
        double viewer = 1e300, lib = -1;
        for (int r = 0; r < runs; ++r) {
            av::HyphenDictionaries d;
            std::string error;
            const double t0 = cpu_ms();
            const bool ok = d.load(name, reinterpret_cast<const unsigned char*>(text.data()), text.size(), error);
            viewer = std::min(viewer, cpu_ms() - t0);
            if (!ok) {
                std::fprintf(stderr, "bench_hyphen_load: %s\n", error.c_str());
                return 1;
            }
        }
        if (libhyphen) {
            lib = 1e300;
            for (int r = 0; r < runs; ++r) {
                FILE* f = fmemopen(text.data(), text.size(), "r");
                const double t0 = cpu_ms();
                HyphenDict* dict = hnj_hyphen_load_file(f);
                lib = std::min(lib, cpu_ms() - t0);
                std::fclose(f);
                if (dict) hnj_hyphen_free(dict);
            }
        }
        std::printf("{\"dictionary\": \"%s\", \"bytes\": %zu, \"viewer_cpu_ms\": %.1f, \"libhyphen_cpu_ms\": %.1f, \"runs\": %d}\n",
                    name.c_str(), text.size(), viewer, lib, runs);
        std::fflush(stdout);
    }
    return 0;
}
