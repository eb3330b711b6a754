export const timeliness = {
  errors: {
    hours: "请填写 1 到 300 之间的整数（工作小时）。",
    days: "请填写 1 到 365 之间的整数（天）。",
    offers: "请填写 1 到 5 之间的整数。",
    urgentLonger: "紧急诉求的受理时限不能长于一般诉求。",
  },
  settings: {
    title: "服务时限",
    subtitle: "诉求各环节的办理时限。临近时限会提醒负责人，超时记为超时事项并通知所在区县的管理员；修改会记入审计记录。",
    steps: "各环节时限",
    triageHours: "受理审核（工作小时）",
    urgentTriageHours: "紧急诉求受理审核（工作小时）",
    firstContactHours: "接案后首次联系企业（工作小时）",
    staleDays: "案件无进展提醒（天）",
    returnVisitAfterDays: "结案后回访（天）",
    workingHoursHint: "按工作时间计算：工作日 8:30–12:00、13:30–17:30，法定节假日除外，调休上班日计入。",
    hints: {
      staleDays: "案件连续这么多天没有任何进展时提醒专家，再过一周仍无进展则上报管理员。",
      returnVisitAfterDays: "结案这么多天后，案件进入回访工作清单。",
    },
    resolutionDays: "办结时限（工作日）",
    resolutionHint: "自专家接案起，按诉求类别计算的办结目标。",
    parallelOffers: "同时派单人数",
    parallelHint: "同时向几位专家发出邀请，先接受者承办，其余邀请随即撤回。",
    save: "保存服务时限",
    saved: "服务时限已保存。",
    calendarKnown: "节假日日历已包含 {known} 年的法定节假日和调休安排。",
    calendarMissing:
      "节假日日历尚未包含 {year} 年的法定节假日和调休安排（目前只到 {known} 年）。在更新之前，{year} 年的时限只按周一至周五计算；国务院办公厅公布安排后，请联系系统维护人员更新。",
  },
};
