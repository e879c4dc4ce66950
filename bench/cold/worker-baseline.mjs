// workerd cold-start baseline: an empty Worker with a test() handler.
export default {
  async test() {},
};
