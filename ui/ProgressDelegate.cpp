#include "ProgressDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

#include <algorithm>

namespace fc {

ProgressDelegate::ProgressDelegate(int progressRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(progressRole)
{}

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const QVariant value = index.data(m_role);
    if (!value.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The selection background first, so a selected row stays visibly selected around the bar.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    // The count beside the bar, not on it: text over a half-filled bar is hard to read in most
    // styles.
    const QString text = index.data(Qt::DisplayRole).toString();
    const int textWidth = option.fontMetrics.horizontalAdvance(text) + 8;
    const QRect cell = option.rect.adjusted(3, 3, -3, -3);
    QStyleOptionProgressBar bar;
    bar.rect = QRect(cell.left(), cell.top(), std::max(24, cell.width() - textWidth), cell.height());
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = value.toInt();
    bar.textVisible = false;
    bar.state = (option.state & ~QStyle::State_Selected) | QStyle::State_Horizontal;
    bar.direction = option.direction;
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
    const QRect textRect(bar.rect.right() + 6, option.rect.top(), option.rect.right() - bar.rect.right() - 6,
                         option.rect.height());
    painter->save();
    painter->setPen(option.palette.color(option.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                               : QPalette::Text));
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, text);
    painter->restore();
}

} // namespace fc
