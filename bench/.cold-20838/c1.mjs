import "/work/main/bench/.cold-20838/threadrun.mjs";
