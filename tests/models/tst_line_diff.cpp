// LineDiff, the conflict dialog's comparison: which lines of two versions differ.

#include "LineDiff.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

class TestLineDiff : public QObject
{
    Q_OBJECT
private slots:
    void equalTextsHaveNoChange();
    void oneLineReplaced();
    void insertionAndDeletion();
    void tooLargeMiddleIsMarkedWhole();
};

void TestLineDiff::equalTextsHaveNoChange()
{
    const LineDiff diff = LineDiff::compare(u"a\nb\nc"_s, u"a\nb\nc"_s);
    QVERIFY(diff.isEmpty());
    QCOMPARE(diff.hunkCount(), 0);
}

void TestLineDiff::oneLineReplaced()
{
    const LineDiff diff = LineDiff::compare(u"{\n  \"name\": \"Mine\",\n  \"x\": 1\n}"_s,
                                            u"{\n  \"name\": \"Theirs\",\n  \"x\": 1\n}"_s);
    QCOMPARE(diff.changedLeft, QList<int>{1});
    QCOMPARE(diff.changedRight, QList<int>{1});
    QCOMPARE(diff.hunkCount(), 1);
}

void TestLineDiff::insertionAndDeletion()
{
    // Left drops "b" and right adds "x" and "y" after "d": two places.
    const QStringList left{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s};
    const QStringList right{u"a"_s, u"c"_s, u"d"_s, u"x"_s, u"y"_s, u"e"_s};
    const LineDiff diff = LineDiff::compare(left, right);
    QCOMPARE(diff.changedLeft, QList<int>{1});
    QCOMPARE(diff.changedRight, (QList<int>{3, 4}));
    QCOMPARE(diff.hunkCount(), 1); // one run on each side
    // Every unchanged line pairs up in order: the rest of each side is the same sequence.
    QStringList keptLeft, keptRight;
    for (int i = 0; i < left.size(); ++i)
        if (!diff.changedLeft.contains(i))
            keptLeft << left.at(i);
    for (int j = 0; j < right.size(); ++j)
        if (!diff.changedRight.contains(j))
            keptRight << right.at(j);
    QCOMPARE(keptLeft, keptRight);
}

void TestLineDiff::tooLargeMiddleIsMarkedWhole()
{
    QStringList left, right;
    for (int i = 0; i < 50; ++i) {
        left << QString::number(i);
        right << QString::number(i * 7 % 50);
    }
    left.prepend(u"same head"_s);
    right.prepend(u"same head"_s);
    const LineDiff diff = LineDiff::compare(left, right, 100);
    // The common head ("same head", then "0" on both sides) is never marked; the 49 lines after it
    // are more pairs than allowed, so they are marked whole instead of compared.
    QVERIFY(!diff.changedLeft.contains(0) && !diff.changedLeft.contains(1));
    QCOMPARE(diff.changedLeft.size(), 49);
    QCOMPARE(diff.changedRight.size(), 49);
}

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_line_diff.moc"
