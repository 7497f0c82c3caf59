# @param {Integer[][]} intervals
# @return {Integer[][]}
def merge(intervals)
  intervals.sort_by(&:first).each_with_object([]) do |(start, finish), merged|
    if !merged.empty? && start <= merged[-1][1]
      merged[-1][1] = [merged[-1][1], finish].max
    else
      merged << [start, finish]
    end
  end
end
