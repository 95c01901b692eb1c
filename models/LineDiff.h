#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace fc {

// Which lines of two texts differ: the lines of each side that are not part of a longest common
// subsequence of lines. Common leading and trailing lines are set aside first, so two versions
// of a flow definition that differ in a few places cost little; a middle too large to compare
// line by line (over maxCells pairs) is marked changed as a whole rather than stalling the window.
struct LineDiff
{
    QList<int> changedLeft;  // 0-based line numbers of the left text
    QList<int> changedRight; // 0-based line numbers of the right text

    bool isEmpty() const { return changedLeft.isEmpty() && changedRight.isEmpty(); }
    // Runs of changed lines, counting a change on both sides at the same place once.
    int hunkCount() const;

    static LineDiff compare(const QStringList &left, const QStringList &right,
                            qsizetype maxCells = 4'000'000);
    static LineDiff compare(const QString &left, const QString &right);
};

} // namespace fc
