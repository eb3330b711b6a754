export const timeliness = {
  errors: {
    hours: "请填写 1 到 300 之间的整数（工作小时）。",
    days: "请填写 1 到 365 之间的整数（天）。",
    offers: "请填写 1 到 5 之间的整数。",
    urgentLonger: "紧急诉求的受理时限不能长于一般诉求。",
  },
};
