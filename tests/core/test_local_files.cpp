// The desktop's "Open file…" panel and library (reader-visible defects issue, items 5 and 6): paths
// as the reader types them, what a folder's listing shows, and how a library entry opens again.
#include <doctest/doctest.h>

#include <map>

#include "core/library_reopen.hpp"
#include "core/local_files.hpp"
#include "core/local_path.hpp"

using namespace av;

namespace {

// A disk of a few paths: path -> kind.
class FakeFiles : public LocalFiles {
public:
    std::map<std::string, Kind> paths;
    std::string home() const override { return "/home/lea"; }
    std::string working_folder() const override { return "/tmp"; }
    bool list(const std::string&, std::vector<FolderEntry>&, std::string&) override { return false; }
    Kind kind(const std::string& path, std::string& reason) override {
        auto it = paths.find(path);
        if (it == paths.end()) return Kind::missing;
        if (it->second == Kind::unreadable) reason = "Permission denied";
        return it->second;
    }
};

std::vector<std::string> names(const std::vector<FolderEntry>& entries) {
    std::vector<std::string> out;
    for (const FolderEntry& e : entries) out.push_back(e.folder ? e.name + "/" : e.name);
    return out;
}

}  // namespace

TEST_SUITE("local paths") {
    TEST_CASE("~ is the home folder, as a shell expands it") {
        CHECK(local_path::expand_home("~", "/home/lea") == "/home/lea");
        CHECK(local_path::expand_home("~/a.json", "/home/lea") == "/home/lea/a.json");
        CHECK(local_path::expand_home("~/a.json", "/home/lea/") == "/home/lea/a.json");
        CHECK(local_path::expand_home("~bob/a.json", "/home/lea") == "~bob/a.json");  // no user database here
        CHECK(local_path::expand_home("a~/b.json", "/home/lea") == "a~/b.json");
        CHECK(local_path::expand_home("~/a.json", "") == "~/a.json");
    }

    TEST_CASE("a path is made absolute against the folder listed, by its text") {
        CHECK(local_path::absolute("/home/lea", "a.json") == "/home/lea/a.json");
        CHECK(local_path::absolute("/home/lea", "/srv/b.json") == "/srv/b.json");
        CHECK(local_path::absolute("/home/lea", "../bob/./c.json") == "/home/bob/c.json");
        CHECK(local_path::absolute("/home/lea", "..") == "/home");
        CHECK(local_path::absolute("/", "..") == "/");
        CHECK(local_path::absolute("/home//lea/", "docs/") == "/home/lea/docs");
        CHECK(local_path::absolute("/home/lea", "un article à lire.json") == "/home/lea/un article à lire.json");
    }

    TEST_CASE("folder_of and join") {
        CHECK(local_path::folder_of("/home/lea/a.json") == "/home/lea");
        CHECK(local_path::folder_of("/a.json") == "/");
        CHECK(local_path::folder_of("/") == "/");
        CHECK(local_path::join("/home/lea", "a.json") == "/home/lea/a.json");
        CHECK(local_path::join("/", "a.json") == "/a.json");
    }

    TEST_CASE("a source is a local file when it is a path, not a URL or the web's file:NAME") {
        CHECK(local_path::is_local("/home/lea/a.json"));
        CHECK(local_path::is_local("articles/a.json"));
        CHECK_FALSE(local_path::is_local("https://example.com/a.json"));
        CHECK_FALSE(local_path::is_local("file:a.json"));
        CHECK_FALSE(local_path::is_local(""));
    }
}

TEST_SUITE("folder listing") {
    TEST_CASE("'..', folders, then article files, by name ignoring case; hidden and other files left out") {
        const std::vector<FolderEntry> entries = {{"zeta.json", false},    {"Notes", true},       {"readme.txt", false},
                                                  {".cache", true},        {"Alpha.JSON", false}, {"archives", true},
                                                  {".hidden.json", false}, {"b.json", false},     {"x.json", true}};
        CHECK(names(entries_to_open("/home/lea", entries)) ==
              std::vector<std::string>{"../", "archives/", "Notes/", "x.json/", "Alpha.JSON", "b.json", "zeta.json"});
    }

    TEST_CASE("no '..' at the root; an empty folder lists only '..'") {
        CHECK(names(entries_to_open("/", {{"a.json", false}})) == std::vector<std::string>{"a.json"});
        CHECK(names(entries_to_open("/home", {})) == std::vector<std::string>{"../"});
    }
}

TEST_SUITE("library reopen") {
    TEST_CASE("the web: URLs open again, files the browser handed over do not") {
        CHECK(reopen("https://example.com/a.json", nullptr).source == "https://example.com/a.json");
        CHECK(reopen("articles/a.json", nullptr).source == "articles/a.json");
        const Reopen file = reopen("file:mine.json", nullptr);
        CHECK(file.source.empty());
        CHECK(file.note.empty());
        CHECK(reopen("", nullptr).source.empty());
    }

    TEST_CASE("the web: a file the browser keeps opens again; one it does not keep says so") {
        const std::vector<std::string> kept = {"mine.json", "autre fichier.json"};
        CHECK(reopen("file:mine.json", nullptr, &kept).source == "file:mine.json");
        CHECK(reopen("file:autre fichier.json", nullptr, &kept).note.empty());
        const Reopen gone = reopen("file:old.json", nullptr, &kept);
        CHECK(gone.source.empty());
        CHECK(gone.note == "This file is not kept in this browser: open it again with Open file\xE2\x80\xA6");
        CHECK(reopen("https://example.com/a.json", nullptr, &kept).source == "https://example.com/a.json");
    }

    TEST_CASE("the desktop: a file opens from its path while it is there; else the row says why") {
        FakeFiles files;
        files.paths["/home/lea/a.json"] = LocalFiles::Kind::file;
        files.paths["/home/lea/secret.json"] = LocalFiles::Kind::unreadable;
        files.paths["/home/lea/now-a-folder.json"] = LocalFiles::Kind::folder;
        CHECK(reopen("/home/lea/a.json", &files).source == "/home/lea/a.json");
        CHECK(reopen("/home/lea/a.json", &files).note.empty());
        const Reopen moved = reopen("/home/lea/gone.json", &files);
        CHECK(moved.source.empty());
        CHECK(moved.note == "This file has moved or was deleted: /home/lea/gone.json");
        CHECK(reopen("/home/lea/now-a-folder.json", &files).note ==
              "This file has moved or was deleted: /home/lea/now-a-folder.json");
        CHECK(reopen("/home/lea/secret.json", &files).note ==
              "This file cannot be read: /home/lea/secret.json (Permission denied)");
        // A URL kept by the desktop is left to open as before.
        CHECK(reopen("https://example.com/a.json", &files).source == "https://example.com/a.json");
    }
}
