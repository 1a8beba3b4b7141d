// The desktop's "Open file…" panel (reader-visible defects issue, item 6): what Enter does with
// what was typed, against a fake disk. No frame is drawn: submit() is the panel's decision.
#include <doctest/doctest.h>

#include <map>

#include "ui/open_file_panel.hpp"

using namespace av;

namespace {

class FakeDisk : public LocalFiles {
public:
    std::map<std::string, std::vector<FolderEntry>> folders;
    std::map<std::string, Kind> files;
    std::string home() const override { return "/home/lea"; }
    std::string working_folder() const override { return "/home/lea"; }
    bool list(const std::string& folder, std::vector<FolderEntry>& entries, std::string& error) override {
        auto it = folders.find(folder);
        if (it == folders.end()) {
            error = folder + ": Permission denied";
            return false;
        }
        entries = it->second;
        return true;
    }
    Kind kind(const std::string& path, std::string& reason) override {
        if (folders.count(path)) return Kind::folder;
        auto it = files.find(path);
        if (it == files.end()) return Kind::missing;
        if (it->second == Kind::unreadable) reason = "Permission denied";
        return it->second;
    }
};

FakeDisk disk() {
    FakeDisk d;
    d.folders["/home/lea"] = {{"docs", true}, {"a.json", false}};
    d.folders["/home/lea/docs"] = {{"b.json", false}};
    d.folders["/home"] = {{"lea", true}};
    d.files["/home/lea/a.json"] = LocalFiles::Kind::file;
    d.files["/home/lea/docs/b.json"] = LocalFiles::Kind::file;
    d.files["/home/lea/locked.json"] = LocalFiles::Kind::unreadable;
    return d;
}

}  // namespace

TEST_SUITE("open file panel") {
    TEST_CASE("a typed path opens: relative to the folder listed, ~ expanded, spaces around dropped") {
        FakeDisk d = disk();
        OpenFilePanel panel;
        panel.show(d, "/home/lea");
        CHECK(panel.shown());
        CHECK(panel.folder() == "/home/lea");
        CHECK(panel.entries().size() == 3);  // .., docs, a.json
        CHECK(panel.submit(d, "a.json") == "/home/lea/a.json");
        CHECK(panel.submit(d, "  ~/docs/b.json\n") == "/home/lea/docs/b.json");
        CHECK(panel.submit(d, "/home/lea/docs/../a.json") == "/home/lea/a.json");
        CHECK(panel.error().empty());
        CHECK(panel.submit(d, "   ").empty());
    }

    TEST_CASE("what cannot be opened is said, naming the path; a folder is gone into") {
        FakeDisk d = disk();
        OpenFilePanel panel;
        panel.show(d, "/home/lea");
        CHECK(panel.submit(d, "nowhere.json").empty());
        CHECK(panel.error() == "No such file: /home/lea/nowhere.json");
        CHECK(panel.submit(d, "locked.json").empty());
        CHECK(panel.error() == "Cannot read /home/lea/locked.json: Permission denied");
        CHECK(panel.submit(d, "docs").empty());
        CHECK(panel.error().empty());
        CHECK(panel.folder() == "/home/lea/docs");
        CHECK(panel.submit(d, "..").empty());
        CHECK(panel.folder() == "/home/lea");
    }

    TEST_CASE("a folder that cannot be listed is named, with why") {
        FakeDisk d = disk();
        OpenFilePanel panel;
        panel.show(d, "/srv/closed");
        CHECK(panel.folder() == "/srv/closed");
        CHECK(panel.entries().empty());
        CHECK(panel.error() == "Cannot list the folder /srv/closed: Permission denied");
        // Going from a listed folder into one that cannot be listed keeps the listing there was.
        panel.show(d, "/home/lea");
        d.folders.erase("/home/lea/docs");
        d.files["/home/lea/docs"] = LocalFiles::Kind::folder;
        CHECK(panel.submit(d, "docs").empty());
        CHECK(panel.folder() == "/home/lea");
        CHECK(panel.entries().size() == 3);
        CHECK(panel.error() == "Cannot list the folder /home/lea/docs: Permission denied");
    }
}
