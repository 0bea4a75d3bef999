import "/work/main/dist/src/index.js";
