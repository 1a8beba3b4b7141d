// The speed of a finger when it lifts, for a fling: from its recent positions and the times the
// platform saw them, not from frames (frames come at their own pace, and the few drawn after
// every event to let ImGui settle carry no movement at all). Plain arithmetic, no ImGui.
#pragma once

#include <array>
#include <cstddef>

namespace av {

class VelocityTracker {
public:
    // Only movement this recent counts (seconds before the last sample).
    static constexpr double window = 0.1;
    // A finger that stayed still this long before lifting does not fling.
    static constexpr double max_rest = 0.1;

    void start(double time, float y) {
        count_ = 0;
        ended_ = false;
        add(time, y);
    }
    void move(double time, float y) { add(time, y); }
    // The finger lifted (at `y`, usually where it last moved).
    void end(double time, float y) {
        if (count_ == 0 || at(0).y != y) add(time, y);
        end_time_ = time;
        ended_ = true;
    }
    void clear() { count_ = 0, ended_ = false; }

    // Pixels per second along y (positive: the finger moved down) at the release; 0 before a
    // release, for a tap, or when the finger rested before lifting.
    float velocity() const {
        if (!ended_ || count_ < 2) return 0;
        const Sample& last = at(0);
        if (end_time_ - last.time > max_rest) return 0;
        const Sample* oldest = &last;
        for (std::size_t i = 1; i < count_ && last.time - at(i).time <= window; ++i) oldest = &at(i);
        const double dt = last.time - oldest->time;
        return dt > 0 ? static_cast<float>((last.y - oldest->y) / dt) : 0.0f;
    }

private:
    struct Sample {
        double time;
        float y;
    };
    static constexpr std::size_t capacity = 32;
    void add(double time, float y) {
        // Times must not go backwards (a platform clock from another origin would break the speed).
        if (count_ > 0 && time < at(0).time) time = at(0).time;
        next_ = (next_ + 1) % capacity;
        samples_[next_] = Sample{time, y};
        if (count_ < capacity) ++count_;
    }
    // The i-th most recent sample.
    const Sample& at(std::size_t i) const { return samples_[(next_ + capacity - i) % capacity]; }

    std::array<Sample, capacity> samples_{};
    std::size_t next_ = 0, count_ = 0;
    double end_time_ = 0;
    bool ended_ = false;
};

}  // namespace av
