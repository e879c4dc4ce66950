// Cold-start baseline: an empty ES module. Prints ms since process start (performance.now()).
process.stdout.write(String(performance.now()));
