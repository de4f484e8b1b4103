export { LoadingSkeleton as default } from "@/components/shell/loading-skeleton";
