#pragma once

#include <QStyledItemDelegate>

namespace fc {

// Paints a progress bar in the cells that carry a percentage in the given role, the cell's
// display text on it; other cells are painted as usual.
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    ProgressDelegate(int progressRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace fc
