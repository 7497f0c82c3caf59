class Solution {
public:
    double findMedianSortedArrays(vector<int>& nums1, vector<int>& nums2) {
        vector<int> all(nums1.size() + nums2.size());
        merge(nums1.begin(), nums1.end(), nums2.begin(), nums2.end(), all.begin());
        size_t mid = all.size() / 2;
        return all.size() % 2 ? all[mid] : (all[mid - 1] + (double)all[mid]) / 2;
    }
};
