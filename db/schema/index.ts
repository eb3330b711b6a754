export * from "./enums";
export * from "./reference";
export * from "./accounts";
export * from "./roster";
export * from "./requests";
export * from "./routing";
export * from "./disputes";
export * from "./activity";
