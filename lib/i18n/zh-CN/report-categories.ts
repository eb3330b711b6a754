export const reportCategories = {
  outcome: {
    open: "办理中",
    resolved: "已化解",
    partly_resolved: "部分化解",
    unresolved: "未化解",
    withdrawn: "已撤回",
    rejected: "不予受理",
  },
  outcomeNote:
    "办理结果按诉求当前情况确定：尚在办理的为“办理中”；已办结且未撤回的纠纷全部化解（或无纠纷）的为“已化解”，部分化解的为“部分化解”，纠纷均未化解的为“未化解”；企业撤回的为“已撤回”，法学会不予受理的为“不予受理”。",
  impact: {
    title: "各类工作成效",
    intro: "按工作类别统计的历年累计数：受理的诉求、化解的纠纷和追回的款项。",
    requestsHandled: "受理诉求",
    empty: "暂无数据。",
  },
};
