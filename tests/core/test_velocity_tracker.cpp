// The fling's speed comes from where the finger was and when, over its last 100 ms: not from
// frames, and not from movement long gone. velocity_tracker.hpp is plain arithmetic, no ImGui.
#include <doctest/doctest.h>

#include "ui/velocity_tracker.hpp"

using namespace av;

TEST_CASE("a steady swipe gives its speed, whatever the spacing of the samples") {
    for (double step : {0.004, 0.008, 0.016, 0.033}) {
        CAPTURE(step);
        VelocityTracker v;
        v.start(10.0, 600);
        double t = 10.0;
        float y = 600;
        for (int i = 0; i < 10; ++i) v.move(t += step, y -= static_cast<float>(2000 * step));
        v.end(t + 0.016, y);
        CHECK(v.velocity() == doctest::Approx(-2000).epsilon(0.01));
    }
}

TEST_CASE("only the last 100 ms count: a slow start does not slow a fast finish") {
    VelocityTracker v;
    v.start(0, 0);
    double t = 0;
    float y = 0;
    for (int i = 0; i < 30; ++i) v.move(t += 0.016, y += 1);       // ~60 px/s for half a second
    for (int i = 0; i < 6; ++i) v.move(t += 0.016, y += 48);       // then 3000 px/s
    v.end(t, y);
    CHECK(v.velocity() == doctest::Approx(3000).epsilon(0.05));
}

TEST_CASE("no fling for a tap, before the release, or after the finger rested") {
    VelocityTracker tap;
    tap.start(1, 100);
    tap.end(1.08, 100);
    CHECK(tap.velocity() == 0);

    VelocityTracker held;
    held.start(0, 0);
    held.move(0.016, 30);
    CHECK(held.velocity() == 0);  // still down
    held.move(0.032, 60);
    held.end(0.4, 60);  // rested for a third of a second, then lifted
    CHECK(held.velocity() == 0);

    VelocityTracker cleared;
    cleared.start(0, 0);
    cleared.move(0.016, 30);
    cleared.end(0.02, 30);
    CHECK(cleared.velocity() != 0);
    cleared.clear();
    CHECK(cleared.velocity() == 0);
}

TEST_CASE("a lift at a new place counts as the last movement; times never run backwards") {
    VelocityTracker v;
    v.start(0, 0);
    v.move(0.016, 20);
    v.end(0.032, 40);
    CHECK(v.velocity() == doctest::Approx(1250));
    VelocityTracker back;
    back.start(5, 0);
    back.move(4, 100);  // an older time: taken as no time at all
    back.end(5, 100);
    CHECK(back.velocity() == 0);
}
