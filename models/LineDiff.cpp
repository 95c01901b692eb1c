#include "LineDiff.h"

#include <algorithm>
#include <vector>

namespace fc {

LineDiff LineDiff::compare(const QString &left, const QString &right)
{
    return compare(left.split(u'\n'), right.split(u'\n'));
}

LineDiff LineDiff::compare(const QStringList &left, const QStringList &right, qsizetype maxCells)
{
    LineDiff diff;
    qsizetype head = 0;
    while (head < left.size() && head < right.size() && left.at(head) == right.at(head))
        ++head;
    qsizetype tail = 0;
    while (tail < left.size() - head && tail < right.size() - head &&
           left.at(left.size() - 1 - tail) == right.at(right.size() - 1 - tail))
        ++tail;
    const qsizetype n = left.size() - head - tail;
    const qsizetype m = right.size() - head - tail;
    const auto markAll = [&] {
        for (qsizetype i = 0; i < n; ++i)
            diff.changedLeft.append(int(head + i));
        for (qsizetype j = 0; j < m; ++j)
            diff.changedRight.append(int(head + j));
    };
    if (n == 0 || m == 0 || n * m > maxCells) {
        markAll();
        return diff;
    }
    // lcs[i][j]: the longest common subsequence of left[head+i..] and right[head+j..].
    std::vector<int> lcs(std::size_t((n + 1) * (m + 1)), 0);
    const auto at = [&](qsizetype i, qsizetype j) -> int & { return lcs[std::size_t(i * (m + 1) + j)]; };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            at(i, j) = left.at(head + i) == right.at(head + j) ? at(i + 1, j + 1) + 1
                                                               : std::max(at(i + 1, j), at(i, j + 1));
        }
    }
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (left.at(head + i) == right.at(head + j)) {
            ++i;
            ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            diff.changedLeft.append(int(head + i++));
        } else {
            diff.changedRight.append(int(head + j++));
        }
    }
    for (; i < n; ++i)
        diff.changedLeft.append(int(head + i));
    for (; j < m; ++j)
        diff.changedRight.append(int(head + j));
    return diff;
}

int LineDiff::hunkCount() const
{
    // A hunk is a run of consecutive changed lines on the left or the right; a run on each side
    // that starts at the same place in the walk is one change (a line replaced), counted by the
    // side with more runs.
    const auto runs = [](const QList<int> &lines) {
        int count = 0;
        for (qsizetype k = 0; k < lines.size(); ++k)
            count += (k == 0 || lines.at(k) != lines.at(k - 1) + 1) ? 1 : 0;
        return count;
    };
    return std::max(runs(changedLeft), runs(changedRight));
}

} // namespace fc
